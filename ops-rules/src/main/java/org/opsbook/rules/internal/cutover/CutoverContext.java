package org.opsbook.rules.internal.cutover;

import java.time.Instant;
import org.opsbook.core.OpsParameters;
import org.opsbook.rules.cutover.Cutover;
import org.opsbook.rules.cutover.CutoverEventData;
import org.opsbook.rules.cutover.CutoverTicket;
import org.opsbook.rules.cutover.CutoverRecord;

/**
 * What SM-CUTOVER's guards look at.
 *
 * @param ticket the cutover before the event
 * @param data what the event records
 * @param at when it happens
 * @param rules the lead-time and content rules over the host's calendar
 * @param params the thresholds
 */
record CutoverContext(CutoverTicket ticket, CutoverEventData data, Instant at, CutoverRules rules,
    OpsParameters params) {

  Cutover facts() {
    return ticket.facts();
  }

  CutoverRecord rec() {
    return ticket.record();
  }
}
