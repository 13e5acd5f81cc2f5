package org.opsbook.engine.internal;

/** Opens {@link Defaults}' masking to the engine's tests. */
public final class DefaultsAccess {
  private DefaultsAccess() {}

  /** Returns what the default listener logs for {@code error}. */
  public static String masked(Throwable error) {
    return Defaults.masked(error);
  }
}
