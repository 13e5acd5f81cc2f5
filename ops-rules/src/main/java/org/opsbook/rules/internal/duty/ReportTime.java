package org.opsbook.rules.internal.duty;

import java.time.Instant;
import java.util.Optional;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.FaultFacts;

/**
 * The report times a snapshot of facts may carry (§2.1), and the events and reports they stand for: a host that
 * writes {@code reportedToRoomManagerAt} into the facts has made that report at that time.
 */
public enum ReportTime {
  DEVELOPER("reportedToDeveloperAt", FaultEventType.REPORTED_TO_DEVELOPER),
  PROVINCE("reportedToProvinceAt", FaultEventType.REPORTED_TO_PROVINCE),
  ROOM_MANAGER("reportedToRoomManagerAt", FaultEventType.REPORTED_TO_ROOM_MANAGER),
  PROGRESS("lastRoomManagerProgressAt", FaultEventType.PROGRESS_REPORTED),
  CENTER_MANAGER("reportedToCenterManagerAt", FaultEventType.REPORTED_TO_CENTER_MANAGER),
  NOTIFICATION("notificationSentAt", FaultEventType.NOTIFICATION_SENT),
  REPAIRED("repairedAt", FaultEventType.REPAIRED),
  /** No event stands for it: replayed as the facts changing at that time (ESC-HANDLE-08.2). */
  PROVINCE_DUTY("provinceDutyNotifiedAt", FaultEventType.FACTS_CHANGED);

  /** The fact's name, as in the JSON facts object. */
  public final String field;
  /** The event the time stands for; FACTS_CHANGED when only the facts can say it. */
  public final FaultEventType type;

  ReportTime(String field, FaultEventType type) {
    this.field = field;
    this.type = type;
  }

  /** Returns the time in {@code facts}, if given. */
  public Optional<Instant> of(FaultFacts facts) {
    return switch (this) {
      case DEVELOPER -> facts.reportedToDeveloperAt();
      case PROVINCE -> facts.reportedToProvinceAt();
      case ROOM_MANAGER -> facts.reportedToRoomManagerAt();
      case PROGRESS -> facts.lastRoomManagerProgressAt();
      case CENTER_MANAGER -> facts.reportedToCenterManagerAt();
      case NOTIFICATION -> facts.notificationSentAt();
      case REPAIRED -> facts.repairedAt();
      case PROVINCE_DUTY -> facts.provinceDutyNotifiedAt();
    };
  }

  /** Sets the time in {@code b}; empty clears it. */
  public void set(FaultFacts.Builder b, Optional<Instant> time) {
    switch (this) {
      case DEVELOPER -> b.reportedToDeveloperAt(time);
      case PROVINCE -> b.reportedToProvinceAt(time);
      case ROOM_MANAGER -> b.reportedToRoomManagerAt(time);
      case PROGRESS -> b.lastRoomManagerProgressAt(time);
      case CENTER_MANAGER -> b.reportedToCenterManagerAt(time);
      case NOTIFICATION -> b.notificationSentAt(time);
      case REPAIRED -> b.repairedAt(time);
      case PROVINCE_DUTY -> b.provinceDutyNotifiedAt(time);
    }
  }

  /** True when the time is a progress report no later than the first report: the first report itself. */
  public boolean isFirstReportAgain(FaultFacts facts) {
    Optional<Instant> t = of(facts);
    return this == PROGRESS && t.isPresent()
        && facts.reportedToRoomManagerAt().map(first -> !t.get().isAfter(first)).orElse(false);
  }
}
