package org.opsbook.core.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a port so a test can count the calls made through it, by method name, and the elements of the lists they
 * returned; every call goes on to the wrapped port, and what it throws is thrown as it is. Thread-safe.
 *
 * @param <T> the port's interface
 */
public final class CallCounter<T> {
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> listed = new ConcurrentHashMap<>();
  private final T port;

  private CallCounter(Class<T> type, T inner) {
    this.port = type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
        (proxy, method, args) -> {
          calls.computeIfAbsent(method.getName(), m -> new AtomicInteger()).incrementAndGet();
          Object out;
          try {
            out = method.invoke(inner, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          if (out instanceof java.util.List<?> l) {
            listed.computeIfAbsent(method.getName(), m -> new AtomicInteger()).addAndGet(l.size());
          }
          return out;
        }));
  }

  /** Returns a counter around {@code inner}, seen through {@code type}. */
  public static <T> CallCounter<T> wrap(Class<T> type, T inner) {
    return new CallCounter<>(type, inner);
  }

  /** Returns the counting port to hand to the code under test. */
  public T port() {
    return port;
  }

  /** Returns how many times {@code method} was called so far. */
  public int of(String method) {
    AtomicInteger n = calls.get(method);
    return n == null ? 0 : n.get();
  }

  /** Returns how many elements the lists returned so far by the methods whose names start with {@code prefix} held. */
  public int listed(String prefix) {
    return listed.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToInt(e -> e.getValue().get())
        .sum();
  }
}
