/**
 * Weekly and monthly report inclusion and the summary tables (API), REPORT-*: which recurring faults the weekly and
 * monthly reports must show under both passages of the manual and the REPORT-POLICY-01 combination, how
 * occurrences are counted (REPORT-COUNT-01), and the two summary formats REPORT-FMT-01/02 rendered as Markdown or
 * CSV.
 */
@OpsStyle
package org.opsbook.rules.report;

import org.opsbook.core.OpsStyle;
