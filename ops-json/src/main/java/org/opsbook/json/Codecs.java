package org.opsbook.json;

import org.opsbook.core.internal.machine.WorkflowCodec;
import org.opsbook.json.internal.BugJson;
import org.opsbook.json.internal.CutoverCodec;
import org.opsbook.json.internal.DataOpCodec;
import org.opsbook.notify.internal.workflow.SmsRecordFormat;
import org.opsbook.rules.internal.bug.BugCodec;
import org.opsbook.rules.cutover.CutoverEventData;
import org.opsbook.rules.cutover.CutoverTicket;
import org.opsbook.rules.dataop.DataOpEventData;
import org.opsbook.rules.dataop.DataOpTicket;
import org.opsbook.rules.ticket.ComplaintTicket;
import org.opsbook.rules.ticket.TicketEventData;

/**
 * The JSON form in which workflow instances are stored (API): the codec a
 * {@code org.opsbook.core.internal.machine.WorkflowStore} of each family needs. SM-SMS finds its format by itself through
 * the service loader when ops-json is on the class path. All thread-safe.
 */
public final class Codecs {
  private Codecs() {}

  /** SM-BUG tickets and event data. */
  public static BugCodec bugs() {
    return new BugJson();
  }

  /** Data-operation (MOD/EXT) tickets and step data. */
  public static WorkflowCodec<DataOpTicket, DataOpEventData> dataOps() {
    return DataOpCodec.instance();
  }

  /** Cutover tickets and event data. */
  public static WorkflowCodec<CutoverTicket, CutoverEventData> cutovers() {
    return CutoverCodec.instance();
  }

  /** Complaint tickets (SM-TICKET) and event data. */
  public static WorkflowCodec<ComplaintTicket, TicketEventData> tickets() {
    return new org.opsbook.json.internal.TicketJson();
  }

  /** SM-SMS records. */
  public static SmsRecordFormat smsRecords() {
    return new org.opsbook.json.internal.SmsRecordJson();
  }
}
