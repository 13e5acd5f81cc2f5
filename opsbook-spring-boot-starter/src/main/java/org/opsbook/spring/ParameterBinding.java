package org.opsbook.spring;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.OpsParameters.TimeWindow;
import org.springframework.boot.convert.DurationStyle;

/**
 * Turns {@code opsbook.parameters.*} into {@link OpsParameters}: each key names a parameter as {@code OpsParameters}
 * does ({@code l1CustomersMin}), in kebab case ({@code l1-customers-min}) or any case, its words also split by
 * {@code _} or {@code .} (an environment variable {@code OPSBOOK_PARAMETERS_L1_CUSTOMERS_MIN} reaches the map as
 * {@code l1.customers.min}); the value is read in the parameter's type. Every error names the property. Stateless.
 */
final class ParameterBinding {
  static final String PREFIX = "opsbook.parameters.";

  /** Each parameter by its normalised name: the accessor of {@link OpsParameters}. */
  private static final Map<String, Method> ACCESSORS = accessors();

  private ParameterBinding() {}

  /**
   * Returns the catalog's defaults with {@code values} applied.
   *
   * @throws InvalidInputException naming the property of an unknown parameter, an unreadable value, or a value the
   *     parameters refuse
   */
  static OpsParameters bind(Map<String, String> values) {
    OpsParameters.Builder b = OpsParameters.builder();
    for (Map.Entry<String, String> e : values.entrySet()) {
      String property = PREFIX + e.getKey();
      Method accessor = ACCESSORS.get(normalise(e.getKey()));
      if (accessor == null) {
        throw new InvalidInputException(property, "no such parameter of OpsParameters; known: "
            + String.join(", ", ACCESSORS.values().stream().map(Method::getName).toList()));
      }
      set(b, accessor, property, e.getValue() == null ? "" : e.getValue().strip());
    }
    try {
      return b.build();
    } catch (InvalidInputException e) {
      throw new InvalidInputException(PREFIX + kebab(e.field()), e.reason(), e.ruleId().orElse(null), e);
    }
  }

  private static void set(OpsParameters.Builder b, Method accessor, String property, String text) {
    Type type = accessor.getGenericReturnType();
    Object value;
    Class<?> argType;
    if (type instanceof ParameterizedType pt && pt.getRawType() == Optional.class) {
      Class<?> element = (Class<?>) pt.getActualTypeArguments()[0];
      value = text.isEmpty() ? Optional.empty() : Optional.of(read(element, property, text));
      argType = Optional.class;
    } else if (type instanceof ParameterizedType pt && pt.getRawType() == List.class) {
      Class<?> element = (Class<?>) pt.getActualTypeArguments()[0];
      List<Object> list = new ArrayList<>();
      for (String item : text.split(",")) {
        if (!item.isBlank()) {
          list.add(read(element, property, item.strip()));
        }
      }
      value = list;
      argType = Iterable.class;
    } else {
      argType = accessor.getReturnType();
      value = read(argType, property, text);
    }
    try {
      Method setter = b.getClass().getMethod(accessor.getName(), argType);
      setter.setAccessible(true);
      setter.invoke(b, value);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof InvalidInputException iie) {
        throw new InvalidInputException(property, iie.reason(), iie.ruleId().orElse(null), iie);
      }
      throw new InvalidInputException(property, String.valueOf(e.getCause()), null, e.getCause());
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new InvalidInputException(property, "cannot set " + accessor.getName() + ": " + e, null, e);
    }
  }

  private static Object read(Class<?> type, String property, String text) {
    try {
      if (type == int.class || type == Integer.class) {
        return Integer.valueOf(text);
      }
      if (type == boolean.class || type == Boolean.class) {
        if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
          throw new IllegalArgumentException("not true or false");
        }
        return Boolean.valueOf(text);
      }
      if (type == Duration.class) {
        return DurationStyle.detectAndParse(text);
      }
      if (type == LocalTime.class) {
        return LocalTime.parse(text);
      }
      if (type == BigDecimal.class) {
        return new BigDecimal(text);
      }
      if (type == TimeWindow.class) {
        int dash = text.indexOf('-');
        if (dash < 0) {
          throw new IllegalArgumentException("a window is written HH:MM-HH:MM");
        }
        return TimeWindow.of(LocalTime.parse(text.substring(0, dash).strip()),
            LocalTime.parse(text.substring(dash + 1).strip()));
      }
      if (type.isEnum()) {
        String name = text.replace('-', '_').toUpperCase(Locale.ROOT);
        for (Object constant : type.getEnumConstants()) {
          if (((Enum<?>) constant).name().equals(name)) {
            return constant;
          }
        }
        throw new IllegalArgumentException("expected one of " + List.of(type.getEnumConstants()));
      }
    } catch (InvalidInputException e) {
      throw new InvalidInputException(property, e.reason(), e.ruleId().orElse(null), e);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new InvalidInputException(property, "cannot read '" + text + "' as " + type.getSimpleName() + ": "
          + e.getMessage(), null, e);
    }
    throw new InvalidInputException(property, "parameters of type " + type.getSimpleName() + " are not bindable");
  }

  private static Map<String, Method> accessors() {
    Map<String, Method> byName = new TreeMap<>();
    for (Method m : OpsParameters.class.getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0
          && m.getReturnType() != void.class && !m.getName().equals("toBuilder")) {
        byName.put(normalise(m.getName()), m);
      }
    }
    return java.util.Collections.unmodifiableMap(byName);
  }

  /** Returns {@code key} without the separators of kebab case, snake case and Spring's relaxed binding, lower case. */
  private static String normalise(String key) {
    return key.replace("-", "").replace("_", "").replace(".", "").toLowerCase(Locale.ROOT);
  }

  private static String kebab(String name) {
    return name.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
  }
}
