/**
 * Internal: the rule registry (not API; it may change without notice). Every rule ID of the catalog with its kind,
 * the manual's section and the manual's own words, read from the resource {@code rules.tsv} beside this package, so
 * that the library, the facade and the decision-API server can quote the manual for any rule they print. The
 * project's reference {@code docs/rules.md} is generated from the same data.
 */
@OpsStyle
package org.opsbook.rules.internal.catalog;

import org.opsbook.core.internal.style.OpsStyle;
