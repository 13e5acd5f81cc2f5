package org.opsbook.rules.internal.esc;

import java.util.ServiceLoader;
import org.opsbook.rules.esc.EscEventData;

/**
 * The text form of what a lifecycle step recorded, as a fault's history keeps it ({@code FaultEvent.stepData}).
 * ops-rules needs no JSON library: the module {@code ops-json} provides the JSON form through {@link ServiceLoader}.
 * Implementations are thread-safe and read exactly what they write.
 */
public interface StepDataFormat {
  /** Writes what a step recorded. */
  String encodeData(EscEventData data);

  /**
   * Reads what {@link #encodeData} wrote.
   *
   * @throws org.opsbook.core.InvalidInputException naming the field when the text is not a step's data
   */
  EscEventData decodeData(String text);

  /**
   * Returns the format found on the class path (ops-json's JSON form when it is there).
   *
   * @throws IllegalStateException when no format is installed
   */
  static StepDataFormat installed() {
    return Installed.FORMAT;
  }

  /** Holds the loaded format; loaded once, on first use. */
  final class Installed {
    private static final StepDataFormat FORMAT = ServiceLoader.load(StepDataFormat.class,
        StepDataFormat.class.getClassLoader()).findFirst().orElseThrow(() -> new IllegalStateException(
            "no StepDataFormat on the class path: add the ops-json module to keep a fault's lifecycle steps"));

    private Installed() {}
  }
}
