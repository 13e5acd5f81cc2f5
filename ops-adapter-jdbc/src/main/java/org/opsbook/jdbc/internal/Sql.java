package org.opsbook.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Binding and reading helpers: instants are bound as UTC {@link OffsetDateTime} (pgjdbc rejects {@link Instant}),
 * optionals unwrap, enums bind by name, and a null binds with its SQL type.
 */
public final class Sql {
  private Sql() {}

  /** A typed SQL null. */
  public record Null(int sqlType) {}

  /** A null string. */
  public static final Null NULL_TEXT = new Null(Types.VARCHAR);
  /** A null timestamp with time zone. */
  public static final Null NULL_TIME = new Null(Types.TIMESTAMP_WITH_TIMEZONE);
  /** A null integer. */
  public static final Null NULL_INT = new Null(Types.INTEGER);

  /** Returns the value or a typed null for a string. */
  public static Object text(Optional<String> v) {
    return v.isPresent() ? v.get() : NULL_TEXT;
  }

  /** Returns the instant as a UTC offset date-time, or a typed null. */
  public static Object time(Optional<Instant> v) {
    return v.isPresent() ? utc(v.get()) : NULL_TIME;
  }

  /**
   * Returns the instant as a UTC offset date-time, truncated to the microsecond both databases store (PostgreSQL
   * would round and H2 truncate a finer value; truncating here makes them agree).
   */
  public static OffsetDateTime utc(Instant t) {
    return OffsetDateTime.ofInstant(t.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }

  /** Binds {@code args} to the statement's parameters from 1. */
  public static void bind(PreparedStatement ps, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      int p = i + 1;
      if (a instanceof Null n) {
        ps.setNull(p, n.sqlType());
      } else if (a instanceof Instant t) {
        ps.setObject(p, utc(t));
      } else if (a instanceof Enum<?> e) {
        ps.setString(p, e.name());
      } else if (a instanceof String s) {
        ps.setString(p, s);
      } else if (a instanceof Long l) {
        ps.setLong(p, l);
      } else if (a instanceof Integer n) {
        ps.setInt(p, n);
      } else if (a instanceof Boolean b) {
        ps.setBoolean(p, b);
      } else {
        ps.setObject(p, a);
      }
    }
  }

  /** Runs an insert, update or delete and returns the row count. */
  public static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      return ps.executeUpdate();
    }
  }

  /** Reads one row of a result set. */
  @FunctionalInterface
  public interface Row<T> {
    /** Maps the current row. */
    T map(ResultSet rs) throws SQLException;
  }

  /** Runs a query and maps every row. */
  public static <T> List<T> query(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
          out.add(row.map(rs));
        }
        return out;
      }
    }
  }

  /** Runs a query and maps its first row, if any. */
  public static <T> Optional<T> queryOne(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(row.map(rs)) : Optional.empty();
      }
    }
  }

  /** Reads a timestamp column as an instant. */
  public static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  /** Reads a nullable timestamp column. */
  public static Optional<Instant> optInstant(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(instant(rs, column));
  }

  /** Reads a nullable string column. */
  public static Optional<String> optText(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getString(column));
  }
}
