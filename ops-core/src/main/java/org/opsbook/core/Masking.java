package org.opsbook.core;

/**
 * Masks personal data (phone numbers, names) for logs and exports. Every {@code toString()} of a type that holds
 * personal data goes through here; only a caller with the right sees the clear values.
 */
public final class Masking {
  private Masking() {}

  /**
   * Masks a phone number, keeping the first three and last four digits of a mobile number:
   * {@code 13800138000 → 138****8000}. Short values keep only their last two characters.
   *
   * @param phone the number, may be null
   * @return the masked number, {@code null} for {@code null}
   */
  public static String phone(String phone) {
    if (phone == null) {
      return null;
    }
    int n = phone.length();
    if (n >= 11) {
      return phone.substring(0, 3) + "*".repeat(n - 7) + phone.substring(n - 4);
    }
    if (n <= 2) {
      return "*".repeat(n);
    }
    return "*".repeat(n - 2) + phone.substring(n - 2);
  }

  /**
   * Masks a person's name, keeping its first character: {@code 张三 → 张*}, {@code zhangsan → z*******}.
   *
   * @param name the name, may be null
   * @return the masked name, {@code null} for {@code null}
   */
  public static String name(String name) {
    if (name == null || name.isEmpty()) {
      return name;
    }
    int first = name.offsetByCodePoints(0, 1);
    return name.substring(0, first) + "*".repeat(name.codePointCount(first, name.length()));
  }

  /**
   * Masks every run of 7 to 15 digits in free text as a phone number, so a note that quotes a number can be logged.
   *
   * @param text the text, may be null
   * @return the text with digit runs masked
   */
  public static String phonesIn(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        int j = i;
        while (j < text.length() && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
          j++;
        }
        String run = text.substring(i, j);
        out.append(run.length() >= 7 && run.length() <= 15 ? phone(run) : run);
        i = j;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
