/**
 * Masking personal data in log lines: opsbook's one-pass scanner for phone and ID-card numbers in every written
 * format beside the earlier digit-run masking and a regular expression (not published).
 */
package org.opsbook.benchmarks.masking;
