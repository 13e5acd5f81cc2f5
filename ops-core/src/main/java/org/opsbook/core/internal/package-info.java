/**
 * Internal: helpers the library modules share (not API; they may change without notice): where personal data sits in
 * audit evidence and how it is masked for storage and export.
 */
package org.opsbook.core.internal;

