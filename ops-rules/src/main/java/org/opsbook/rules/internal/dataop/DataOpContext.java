package org.opsbook.rules.internal.dataop;

import java.time.Instant;
import org.opsbook.core.OpsParameters;
import org.opsbook.rules.dataop.DataOp;
import org.opsbook.rules.dataop.DataOpEventData;
import org.opsbook.rules.dataop.DataOpTicket;
import org.opsbook.rules.dataop.ExtractionWindow;
import org.opsbook.rules.dataop.DataOpRecord;

/**
 * What the guards of SM-DATAOP-MOD and SM-DATAOP-EXT look at: the ticket before the event, what the event records,
 * when it happens, and the rules' parameters.
 *
 * @param ticket the ticket before the event
 * @param data what the event records
 * @param at when the event happens
 * @param params the thresholds
 * @param window the peak-hour rule over the host's calendar
 */
record DataOpContext(DataOpTicket ticket, DataOpEventData data, Instant at, OpsParameters params,
    ExtractionWindow window) {

  DataOp op() {
    return ticket.op();
  }

  DataOpRecord rec() {
    return ticket.record();
  }
}
