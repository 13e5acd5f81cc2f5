package org.opsbook.rules.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.opsbook.core.InvalidInputException;

/**
 * What the memo formats of this module's tests keep (ops-rules has no JSON library): a value written is kept under a
 * new reference, and reading the reference returns exactly the value written.
 *
 * @param <T> the values kept
 */
public final class Memo<T> {
  private final Map<String, T> written = new ConcurrentHashMap<>();
  private final AtomicLong next = new AtomicLong();
  private final String kind;
  private final String field;
  private final String unknown;

  /**
   * A memo of one kind of value.
   *
   * @param kind what a reference starts with, e.g. {@code instance}
   * @param field the field an {@link InvalidInputException} names when a reference was not written here
   * @param unknown what that error says before the reference
   */
  public Memo(String kind, String field, String unknown) {
    this.kind = kind;
    this.field = field;
    this.unknown = unknown;
  }

  /** Keeps {@code value} and returns its new reference. */
  public String keep(T value) {
    String ref = kind + "#" + next.incrementAndGet();
    written.put(ref, value);
    return ref;
  }

  /** Returns the value kept under {@code ref}; a typed error when nothing was. */
  public T recall(String ref) {
    T v = written.get(ref);
    if (v == null) {
      throw new InvalidInputException(field, unknown + ref);
    }
    return v;
  }
}
