/** Internal (tests): the public-surface rule on internal packages and its self-test. */
package org.opsbook.examples.architecture;
