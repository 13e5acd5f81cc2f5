package org.opsbook.rules.duty;

import java.time.Instant;
import org.opsbook.core.Obligation;

/**
 * A duty that ended undone: cancelled by the repair, the closing or a later daily entry, or dropped from the listing
 * before it was fixed (a higher level, a changed fact).
 *
 * @param duty the duty as last listed
 * @param at when it ended
 * @param why what ended it
 */
record Ended(Obligation duty, Instant at, DutyLedger.Ending why) {}
