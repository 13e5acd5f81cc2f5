package org.opsbook.notify.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import org.opsbook.core.RuleId;

/**
 * A rendered message: the template it came from, the text with every placeholder filled, and its SMS size.
 *
 * @param templateId the template, e.g. {@code NOTIFY-TPL-02}
 * @param text the text, exactly as it would be sent
 * @param length characters and UCS-2 segments of the text
 */
public record Rendered(RuleId templateId, String text, SmsLength length) {
  /** Validates the parts. */
  public Rendered {
    checkNotNull(templateId, "templateId");
    checkNotNull(text, "text");
    checkNotNull(length, "length");
  }
}
