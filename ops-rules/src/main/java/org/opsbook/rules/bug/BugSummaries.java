package org.opsbook.rules.bug;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.opsbook.rules.report.ReportRules;
import org.opsbook.rules.report.ReportRules.ReportWindow;
import org.opsbook.rules.report.SummaryTables;
import org.opsbook.rules.report.SummaryTables.BugWeeklySummaryRow;

/**
 * The BUGs of the weekly BUG summary (REPORT-FMT-02, the periodic summary of BUG-11): every BUG raised before the
 * week ended and not closed before it began, oldest first. Quote: 「BUG单跟进员负责跟进BUG单的处理情况,须保障故障的解决并定期汇总处理情况」.
 * Stateless.
 */
final class BugSummaries {
  private BugSummaries() {}

  /** Returns the summary row of one BUG. */
  public static BugWeeklySummaryRow row(BugTicket bug) {
    return BugWeeklySummaryRow.builder().raisedAt(bug.raisedAt()).bugId(bug.bugId())
        .submittedBy(bug.submittedBy()).description(bug.description()).amsBugTicketNo(bug.amsBugTicketNo())
        .cmcpCollabTicketNo(bug.cmcpCollabTicketNo()).supportRoomTicketNo(bug.supportRoomTicketNo())
        .uploaded(bug.uploaded()).uploadEta(bug.uploadEta()).workaround(bug.workaround()).build();
  }

  /** Returns the rows of the week's summary. */
  public static List<BugWeeklySummaryRow> weekly(List<BugTicket> bugs, ReportWindow week) {
    List<BugTicket> in = new ArrayList<>();
    for (BugTicket b : bugs) {
      boolean raisedBeforeEnd = b.raisedAt().isBefore(week.end());
      boolean openAtStart = b.closedAt().map(c -> !c.isBefore(week.start())).orElse(true);
      if (raisedBeforeEnd && openAtStart) {
        in.add(b);
      }
    }
    in.sort(Comparator.comparing(BugTicket::raisedAt).thenComparing(BugTicket::bugId));
    return in.stream().map(BugSummaries::row).toList();
  }
}
