/**
 * Scripted faults against a fake clock (internal): {@link org.opsbook.rules.internal.simulation.Simulation} replays
 * a fault's script and returns the {@link org.opsbook.rules.internal.simulation.Timeline} of its duties as they fall
 * due and are done. Not API; library modules and the rules' own tests use it.
 */
@OpsStyle
package org.opsbook.rules.internal.simulation;

import org.opsbook.core.internal.style.OpsStyle;
