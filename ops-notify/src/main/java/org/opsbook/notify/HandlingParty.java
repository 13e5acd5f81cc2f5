package org.opsbook.notify;

import org.opsbook.core.InvalidInputException;

/**
 * Who is handling the fault, the choice 「(省公司或IT中心)」 of NOTIFY-TPL-01..04. The chosen party is rendered without
 * the parentheses: 『目前IT中心正在抢修』.
 */
public enum HandlingParty {
  /** 省公司: the provincial company. */
  PROVINCE("省公司"),
  /** IT中心: the IT centre itself. */
  IT_CENTER("IT中心");

  private final String label;

  HandlingParty(String label) {
    this.label = label;
  }

  /** Returns the text rendered into a template: 省公司 or IT中心. */
  public String label() {
    return label;
  }

  /**
   * Parses 省公司 or IT中心, the manual's words and the decision API's values.
   *
   * @param text the value
   * @param field the field's path, for the error
   * @throws InvalidInputException naming {@code field} for anything else
   */
  public static HandlingParty parse(String text, String field) {
    for (HandlingParty p : values()) {
      if (p.label.equals(text)) {
        return p;
      }
    }
    throw new InvalidInputException(field, "handlingParty must be 省公司 or IT中心 (「(省公司或IT中心)」): " + text,
        org.opsbook.core.RuleId.of("NOTIFY-TPL-00"));
  }
}
