/** W5b: workflow transitions with the hash-chained audit log beside hand-rolled JDBC (internal). */
package org.opsbook.benchmarks.audit;
