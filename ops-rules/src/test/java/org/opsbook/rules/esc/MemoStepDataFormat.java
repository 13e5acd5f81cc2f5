package org.opsbook.rules.esc;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.opsbook.core.InvalidInputException;
import org.opsbook.rules.internal.esc.StepDataFormat;

/**
 * The step-data format of this module's tests (ops-rules has no JSON library; ops-json's JSON form is tested
 * there): a step's data is kept as a reference to the value written, so every read returns exactly what was written.
 */
public final class MemoStepDataFormat implements StepDataFormat {
  private static final Map<String, EscEventData> WRITTEN = new ConcurrentHashMap<>();
  private static final AtomicLong NEXT = new AtomicLong();

  @Override
  public String encodeData(EscEventData data) {
    String ref = "step#" + NEXT.incrementAndGet();
    WRITTEN.put(ref, data);
    return ref;
  }

  @Override
  public EscEventData decodeData(String text) {
    EscEventData d = WRITTEN.get(text);
    if (d == null) {
      throw new InvalidInputException("stepData", "not step data written by this format: " + text);
    }
    return d;
  }
}
