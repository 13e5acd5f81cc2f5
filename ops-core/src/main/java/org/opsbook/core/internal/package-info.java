/**
 * Internal: helpers the library modules share (not API; they may change without notice): where personal data sits in
 * audit evidence and how it is masked for storage and export; person IDs' canonical form; the Immutables style
 * ({@link org.opsbook.core.internal.style.OpsStyle}); time windows.
 */
package org.opsbook.core.internal;

import org.opsbook.core.internal.style.OpsStyle;
