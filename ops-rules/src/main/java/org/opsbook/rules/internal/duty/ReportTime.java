package org.opsbook.rules.internal.duty;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.InvalidInputException;

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

  /**
   * Refuses facts that state, as of {@code now}, a time after it among the times no event stands for and which start
   * or move a deadline: the customer-service centre's level-1 SMS (NOTIFY-TRIG-04, which waits for it), the
   * complaint's receipt (ESC-DEPT-03), the last substantive progress (the stall re-reports) and the data loss
   * (ESC-CENTER-09). Stated ahead of time, each would put off a duty owed now.
   *
   * @param nowName what {@code now} is, for the message (e.g. {@code now})
   * @throws InvalidInputException naming {@code facts.<field>}
   */
  public static void checkStatedPast(FaultFacts facts, Instant now, String nowName) {
    Map<String, Optional<Instant>> stated = new LinkedHashMap<>();
    stated.put("csCenterLevel1SmsSentAt", facts.csCenterLevel1SmsSentAt());
    stated.put("csComplaintReceivedAt", facts.csComplaintReceivedAt());
    stated.put("lastSubstantiveProgressAt", facts.lastSubstantiveProgressAt());
    stated.put("dataLossAt", facts.dataLossAt());
    for (Map.Entry<String, Optional<Instant>> e : stated.entrySet()) {
      if (e.getValue().isPresent() && e.getValue().get().isAfter(now)) {
        throw new InvalidInputException("facts." + e.getKey(), e.getKey() + " is after " + nowName + " (" + now
            + "): " + e.getValue().get() + "; facts say what has happened");
      }
    }
  }

  /** True when the time is a progress report no later than the first report: the first report itself. */
  public boolean isFirstReportAgain(FaultFacts facts) {
    Optional<Instant> t = of(facts);
    return this == PROGRESS && t.isPresent()
        && facts.reportedToRoomManagerAt().map(first -> !t.get().isAfter(first)).orElse(false);
  }
}
