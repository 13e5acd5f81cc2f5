package org.opsbook.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.spi.WorkCalendar;
import org.opsbook.core.time.StandardWorkCalendar;
import org.opsbook.examples.host.CalendarFile;
import org.opsbook.examples.host.Database;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options {@code demo} and {@code serve} share: where the data lives and which days are working days. */
final class DataOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(names = "--data", paramLabel = "DIR", description = "the H2 database's folder (default: ./data), with "
      + "the audit key file it makes, audit.key, unless OPSBOOK_AUDIT_KEY is set")
  Path data;

  @Option(names = "--db", paramLabel = "JDBC-URL", description = "another database, e.g. "
      + "jdbc:postgresql://host/db?user=u (its password best in --db-password-env); its audit log is sealed under "
      + "the key in the environment variable OPSBOOK_AUDIT_KEY (base64, 32+ bytes), else under the published demo "
      + "key, with a warning")
  String db;

  @Option(names = "--db-password-env", paramLabel = "VAR", description = "the environment variable holding the "
      + "password of --db, so that it is not on the command line, which every local account can read")
  String dbPasswordEnv;

  @Option(names = "--calendar", paramLabel = "FILE", description = "the working-day calendar (TIME-02): the "
      + "decision API's {\"holidays\": [...], \"workdays\": [...]} or the line format; default Monday to Friday")
  Path calendar;

  /** Returns the database of {@code --data} or {@code --db}; both at once is a usage error. */
  Database database() {
    if (data != null && db != null) {
      throw new CommandLine.ParameterException(command.commandLine(), "give --data DIR or --db JDBC-URL, not both");
    }
    if (dbPasswordEnv != null) {
      if (db == null) {
        throw new CommandLine.ParameterException(command.commandLine(), "--db-password-env needs --db JDBC-URL");
      }
      String password = System.getenv(dbPasswordEnv);
      if (password == null || password.isEmpty()) {
        throw new CommandLine.ParameterException(command.commandLine(), "--db-password-env: the environment "
            + "variable " + dbPasswordEnv + " is not set");
      }
      try {
        return Database.at(db, password);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(command.commandLine(), "--db-password-env: " + e.getMessage());
      }
    }
    return db != null ? Database.at(db) : Database.inFolder(data != null ? data : Database.DEFAULT_FOLDER);
  }

  /** Reads the calendar file, or the weekday default when none is given; a bad file is a usage error. */
  WorkCalendar workCalendar() {
    if (calendar == null) {
      return StandardWorkCalendar.weekdays();
    }
    try {
      return CalendarFile.read(calendar);
    } catch (IOException e) {
      throw new CommandLine.ParameterException(command.commandLine(),
          "--calendar: cannot read " + calendar + ": " + e.getMessage());
    } catch (InvalidInputException | IllegalArgumentException e) {
      throw new CommandLine.ParameterException(command.commandLine(), "--calendar " + calendar + ": " + e.getMessage());
    }
  }
}
