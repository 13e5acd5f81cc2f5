/**
 * What a further database must provide to run opsbook's JDBC adapter (SPI): its {@link org.opsbook.jdbc.spi.Dialect}.
 */
package org.opsbook.jdbc.spi;
