package org.opsbook.examples.cli;

import org.opsbook.json.DecisionApi;
import org.opsbook.json.internal.NotifyCommand;
import org.opsbook.json.internal.CutoverCommand;
import org.opsbook.json.internal.DataOpCommand;
import org.opsbook.json.internal.ExtractionWindowCommand;
import org.opsbook.json.internal.ClassifyCommand;
import org.opsbook.json.internal.ObligationsCommand;
import org.opsbook.json.internal.ReportCommand;

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
