package org.opsbook.examples.cli;

import org.opsbook.core.json.DecisionApi;
import org.opsbook.notify.json.NotifyCommand;
import org.opsbook.rules.cutover.json.CutoverCommand;
import org.opsbook.rules.dataop.json.DataOpCommand;
import org.opsbook.rules.dataop.json.ExtractionWindowCommand;
import org.opsbook.rules.json.ClassifyCommand;
import org.opsbook.rules.json.ObligationsCommand;
import org.opsbook.rules.json.ReportCommand;

/** The decision API as this host serves it: every command the library provides, registered once. */
public final class Commands {
  private Commands() {}

  /** Returns the dispatcher with every available command. */
  public static DecisionApi decisionApi() {
    return DecisionApi.builder()
        .register(new ClassifyCommand())
        .register(new ObligationsCommand())
        .register(new NotifyCommand())
        .register(new DataOpCommand())
        .register(new ExtractionWindowCommand())
        .register(new ReportCommand())
        .register(new CutoverCommand())
        .build();
  }
}
