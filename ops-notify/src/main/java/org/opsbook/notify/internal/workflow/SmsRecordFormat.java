package org.opsbook.notify.internal.workflow;

import java.util.Map;
import java.util.ServiceLoader;
import org.opsbook.notify.SmsRecord;

/**
 * SPI: the text form of an SM-SMS message's record as kept in a
 * {@link org.opsbook.core.spi.WorkflowRepository}, and of an event's evidence. ops-notify needs no JSON library:
 * the module {@code ops-json} provides the JSON form through {@link ServiceLoader}; a host may provide its own.
 * Implementations are thread-safe and read exactly what they write.
 */
public interface SmsRecordFormat {
  /** Writes a record. */
  String write(SmsRecord record);

  /**
   * Reads a record written by {@link #write}.
   *
   * @throws org.opsbook.core.InvalidInputException naming the field when the text is not a record
   */
  SmsRecord read(String text);

  /** Writes the evidence an event recorded. */
  String eventData(Map<String, String> details);

  /**
   * Returns the format found on the class path (ops-json's JSON form when it is there).
   *
   * @throws IllegalStateException when no format is installed
   */
  static SmsRecordFormat installed() {
    return Installed.FORMAT;
  }

  /** Holds the loaded format; loaded once, on first use. */
  final class Installed {
    private static final SmsRecordFormat FORMAT = ServiceLoader.load(SmsRecordFormat.class,
        SmsRecordFormat.class.getClassLoader()).findFirst().orElseThrow(() -> new IllegalStateException(
            "no SmsRecordFormat on the class path: add the ops-json module to store SM-SMS messages"));

    private Installed() {}
  }
}
