package org.opsbook.examples.cli;

import org.opsbook.json.DecisionApi;

/** The decision API as this host serves it: every command the library provides, registered once. */
public final class Commands {
  private Commands() {}

  /** Returns the dispatcher with every available command. */
  public static DecisionApi decisionApi() {
    return DecisionApi.standard();
  }
}
