/**
 * Internal: what may stand in an ID a person reads ({@link org.opsbook.core.internal.text.CodePoints}), shared by the
 * person IDs of the core package and the instance IDs of the internal package (not API). It depends on nothing else
 * in opsbook.
 */
package org.opsbook.core.internal.text;
