package org.opsbook.rules.report;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;

/**
 * A summary table ready to send: the manual's column headers, verbatim, and rows of cell text, rendered as a
 * Markdown table (for the duty log, the weekly mail or teamserver) or as CSV (RFC 4180, for a spreadsheet). Cells may
 * hold personal data (names of follow-up people); the table is the report itself, so it is not masked. Immutable.
 */
public final class SummaryTable {
  private final String title;
  private final ImmutableList<String> headers;
  private final ImmutableList<ImmutableList<String>> rows;

  /**
   * Creates a table.
   *
   * @param title the manual's title of the table, e.g. 每周重大故障汇总
   * @param headers the column headers
   * @param rows the rows; each has one cell per header
   */
  public SummaryTable(String title, List<String> headers, List<List<String>> rows) {
    this.title = checkNotNull(title, "title");
    this.headers = ImmutableList.copyOf(headers);
    ImmutableList.Builder<ImmutableList<String>> b = ImmutableList.builder();
    for (List<String> row : rows) {
      checkArgument(row.size() == headers.size(), "a row has %s cells, the table %s columns: %s", row.size(),
          headers.size(), row);
      b.add(ImmutableList.copyOf(row));
    }
    this.rows = b.build();
  }

  /** Returns the table's title. */
  public String title() {
    return title;
  }

  /** Returns the column headers. */
  public List<String> headers() {
    return headers;
  }

  /** Returns the rows. */
  public List<List<String>> rows() {
    return List.copyOf(rows);
  }

  /** Returns the table as Markdown: a title line, the header row, the separator and one line per row. */
  public String toMarkdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("**").append(title).append("**\n\n");
    line(sb, headers);
    List<String> rule = new ArrayList<>();
    for (int i = 0; i < headers.size(); i++) {
      rule.add("---");
    }
    line(sb, rule);
    for (List<String> row : rows) {
      line(sb, row);
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, List<String> cells) {
    sb.append('|');
    for (String c : cells) {
      sb.append(' ').append(c.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", "<br>")
          .replace("\n", "<br>")).append(" |");
    }
    sb.append('\n');
  }

  /** Returns the table as CSV: the header row, then one record per row, CRLF line ends, fields quoted as needed. */
  public String toCsv() {
    StringBuilder sb = new StringBuilder();
    record(sb, headers);
    for (List<String> row : rows) {
      record(sb, row);
    }
    return sb.toString();
  }

  private static void record(StringBuilder sb, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      String c = cells.get(i);
      if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
        sb.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(c);
      }
    }
    sb.append("\r\n");
  }

  @Override
  public String toString() {
    return "SummaryTable{" + title + ", " + rows.size() + " rows}";
  }
}
