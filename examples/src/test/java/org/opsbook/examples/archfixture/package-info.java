/** Internal (tests): deliberately bad classes that prove the architecture rules can fail. */
package org.opsbook.examples.archfixture;
