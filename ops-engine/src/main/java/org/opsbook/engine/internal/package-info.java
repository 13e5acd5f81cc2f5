/**
 * Internal: the engine's wiring of the rules, notify and storage modules. Every call from the engine into those
 * modules sits in this package; hosts never use it.
 */
package org.opsbook.engine.internal;
