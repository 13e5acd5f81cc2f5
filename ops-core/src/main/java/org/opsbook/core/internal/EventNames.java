package org.opsbook.core.internal;

import java.util.Optional;

/**
 * Internal (not API): the names the catalog, the audit log and the JSON documents give a workflow's events. An event
 * is named by its constant in lower camel case: {@code RAISE_BUG} is {@code raiseBug}, {@code SEND_RAW_CDRS} is
 * {@code sendRawCdrs}.
 */
public final class EventNames {
  private static final ClassValue<String[]> NAMES = new ClassValue<>() {
    @Override
    protected String[] computeValue(Class<?> type) {
      Object[] constants = type.getEnumConstants();
      String[] names = new String[constants.length];
      for (int i = 0; i < constants.length; i++) {
        names[i] = lowerCamel(((Enum<?>) constants[i]).name());
      }
      return names;
    }
  };

  private EventNames() {}

  /** Returns the name of {@code event}, e.g. {@code raiseBug} for {@code RAISE_BUG}. */
  public static String of(Enum<?> event) {
    return NAMES.get(event.getDeclaringClass())[event.ordinal()];
  }

  /** Returns the event of {@code type} named {@code name}, if any. */
  public static <E extends Enum<E>> Optional<E> find(Class<E> type, String name) {
    String[] names = NAMES.get(type);
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return Optional.of(type.getEnumConstants()[i]);
      }
    }
    return Optional.empty();
  }

  static String lowerCamel(String constant) {
    StringBuilder out = new StringBuilder(constant.length());
    boolean upper = false;
    for (char c : constant.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
        upper = false;
      }
    }
    return out.toString();
  }
}
