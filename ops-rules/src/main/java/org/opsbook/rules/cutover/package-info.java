/**
 * Engineering cutovers (API): the values of the change-management workflow of manual §2.5 (rules-catalog §13, state
 * machine SM-CUTOVER) a host builds and reads through the engine's {@code cutovers()}: the cutover's facts
 * ({@link org.opsbook.rules.cutover.Cutover}, with its application deadline on the working-day calendar,
 * CUTOVER-23), the ticket, its state, events and event data, and what each step recorded.
 *
 * <p>The workflow itself (required report and application contents CUTOVER-12/24, the public announcement
 * CUTOVER-07, two-person operation of important steps CUTOVER-18, the readiness check) is implementation in
 * {@code org.opsbook.rules.internal.cutover}: every step is decided there, recorded with one audit entry in the
 * stream {@code cutover:<id>}, or refused listing every failed guard's rule ID.
 */
@OpsStyle
package org.opsbook.rules.cutover;

import org.opsbook.core.internal.style.OpsStyle;
