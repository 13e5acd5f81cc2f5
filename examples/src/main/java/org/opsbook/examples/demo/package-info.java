/**
 * {@code ./opsbook demo} (internal to the examples): a bundled, realistic day at the operations room replayed on a
 * simulated clock through the example host over a real database. {@link org.opsbook.examples.demo.DayAtTheRoom} is
 * the scenario, {@link org.opsbook.examples.demo.OpsRoom} the people acting through the library,
 * {@link org.opsbook.examples.demo.Replay} the clock and timer loop, {@link org.opsbook.examples.demo.Timeline}
 * the printed timeline, {@link org.opsbook.examples.demo.Narrative} its words in Chinese or English (every phrase
 * from the bundle {@code i18n/opsbook}) and {@link org.opsbook.examples.demo.Demo} the command.
 */
package org.opsbook.examples.demo;
