/**
 * Internal: the one Immutables style of opsbook's value types ({@link org.opsbook.core.internal.style.OpsStyle}),
 * read by the annotation processor of every library module (not API). It depends on nothing else in opsbook.
 */
package org.opsbook.core.internal.style;
