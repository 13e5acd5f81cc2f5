/**
 * Weekly and monthly report inclusion and the summary tables (API), REPORT-*: {@link
 * org.opsbook.rules.report.ReportRules} decides from {@link org.opsbook.rules.report.ReportFacts} which recurring
 * faults the weekly and monthly reports must show under both passages of the manual and the REPORT-POLICY-01
 * combination ({@link org.opsbook.rules.report.ReportInclusion}); {@link org.opsbook.rules.report.SummaryTables}
 * renders the two summary formats REPORT-FMT-01/02 as Markdown or CSV. The rules as values and the occurrence
 * counting of REPORT-COUNT-01 are package-private.
 */
@OpsStyle
package org.opsbook.rules.report;

import org.opsbook.core.internal.style.OpsStyle;
