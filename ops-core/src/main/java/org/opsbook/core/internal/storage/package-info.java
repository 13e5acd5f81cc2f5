/**
 * Internal: argument checks shared by the storage implementations (in memory, JDBC). Not API; hosts never use it.
 */
package org.opsbook.core.internal.storage;
