/**
 * Back-end data operations (API): the values of the data-modification and data-extraction approval workflows of
 * manual §2.4 (rules-catalog §12, state machines SM-DATAOP-MOD and SM-DATAOP-EXT) a host builds and reads through
 * the engine's {@code modifications()} and {@code extractions()}: the operation
 * ({@link org.opsbook.rules.dataop.DataOp}), the ticket, its state, events and event data, samples, attachments and
 * what each step recorded; and {@link org.opsbook.rules.dataop.ExtractionWindow}, the peak-hour ban on large
 * extractions (DATAOP-EXT-04), which a host may ask before it plans an extraction.
 *
 * <p>The workflows themselves (separation of duties, approval forms and ordering, batch classification
 * DATAOP-DEF-02, the level-1 sensitive-data controls DATAOP-SENS-*, which systems the rules govern DATAOP-DEF-05)
 * are implementation in {@code org.opsbook.rules.internal.dataop}: every step is decided there, recorded with one
 * audit entry, or refused listing every failed guard's rule ID.
 */
@OpsStyle
package org.opsbook.rules.dataop;

import org.opsbook.core.internal.style.OpsStyle;
