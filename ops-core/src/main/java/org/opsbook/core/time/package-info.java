/**
 * Time (API): the standard working-day calendar behind {@link org.opsbook.core.spi.WorkCalendar}, and a settable
 * clock for simulations and tests. Logic never reads the system time; it takes a {@link java.time.Clock} or an
 * {@link java.time.Instant}.
 */
@OpsStyle
package org.opsbook.core.time;

import org.opsbook.core.internal.style.OpsStyle;
