package org.opsbook.rules.duty;

import java.time.Instant;
import org.opsbook.core.Obligation;

/**
 * A duty the current state implies but that is not fixed yet: a deadline that holds only while the fault stays
 * unresolved, or the next occurrence of a recurring series. It becomes fixed (raised) once an event arrives after
 * {@code decidedAt} with the duty still standing: from then on no later fact withdraws it.
 *
 * @param obligation the duty as it stands
 * @param decidedAt when the duty is settled: its deadline for a 「…内未能解决」 rule (BND-08), its start for a
 *     daily entry owed because the fault outlived a working day
 */
record Candidate(Obligation obligation, Instant decidedAt) {}
