package org.opsbook.rules.esc;

import org.opsbook.rules.internal.esc.StepDataFormat;
import org.opsbook.rules.testing.Memo;

/**
 * The step-data format of this module's tests (ops-rules has no JSON library; ops-json's JSON form is tested
 * there): a step's data is kept as a reference to the value written, so every read returns exactly what was written.
 */
public final class MemoStepDataFormat implements StepDataFormat {
  private static final Memo<EscEventData> WRITTEN = new Memo<>("step", "stepData",
      "not step data written by this format: ");

  @Override
  public String encodeData(EscEventData data) {
    return WRITTEN.keep(data);
  }

  @Override
  public EscEventData decodeData(String text) {
    return WRITTEN.recall(text);
  }
}
