package org.opsbook.examples.archfixture;

import org.opsbook.engine.internal.Defaults;

/** Deliberately bad: host code that reaches into the engine's internal package. */
public final class ReachesIntoEngineInternals {
  private ReachesIntoEngineInternals() {}

  /** Uses an internal type. */
  public static String owner() {
    return Defaults.uniqueOwner();
  }
}
