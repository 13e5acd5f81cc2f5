package org.opsbook.rules.internal.duty;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An immutable map in insertion order whose versions share one append-only log: {@link #with} on the newest version
 * appends to the log in place and returns a version one entry longer, so folding a history of n additions costs
 * O(n), not the O(n²) of copying a map per step. Every version sees only the first {@code size} entries of the log,
 * which never change; deriving from an older version (a branch), or replacing a value, copies the entries that
 * version sees into a new log. Lookups are O(1). The map itself cannot be modified through the {@link Map}
 * interface. Thread-safe: the log is guarded by its own lock.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class AppendMap<K, V> extends AbstractMap<K, V> {
  private static final AtomicLong COPIES = new AtomicLong();
  private static final AppendMap<?, ?> EMPTY = new AppendMap<>(null, 0);

  private final Log<K, V> log;
  private final int size;

  /** The shared entries: the index is read without the lock; appends and the key order are guarded by it. */
  private static final class Log<K, V> {
    final List<K> keys = new ArrayList<>();
    final Map<K, Slot<V>> index = new ConcurrentHashMap<>();
  }

  /** Where a key sits in the log, and its value there. */
  private record Slot<V>(int position, V value) {}

  private AppendMap(Log<K, V> log, int size) {
    this.log = log;
    this.size = size;
  }

  /** Returns the empty map; its first {@link #with} starts a log. */
  @SuppressWarnings("unchecked")
  public static <K, V> AppendMap<K, V> empty() {
    return (AppendMap<K, V>) EMPTY;
  }

  /** Returns how many times a version's entries were copied into a new log, since the JVM started. */
  public static long copies() {
    return COPIES.get();
  }

  /**
   * Returns this map with {@code key} mapped to {@code value}: the same map when it already holds that mapping,
   * otherwise a new version (this one is unchanged).
   */
  public AppendMap<K, V> with(K key, V value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    if (log == null) {
      Log<K, V> fresh = new Log<>();
      append(fresh, key, value);
      return new AppendMap<>(fresh, 1);
    }
    synchronized (log) {
      Slot<V> at = log.index.get(key);
      if (at != null && at.position() < size) {
        if (at.value().equals(value)) {
          return this;
        }
        return copy(key, value);
      }
      if (at == null && size == log.keys.size()) {
        append(log, key, value);
        return new AppendMap<>(log, size + 1);
      }
      return copy(key, value);
    }
  }

  /** Returns this map with {@code key} mapped to {@code value} unless it already maps {@code key}. */
  public AppendMap<K, V> withIfAbsent(K key, V value) {
    return containsKey(key) ? this : with(key, value);
  }

  private static <K, V> void append(Log<K, V> log, K key, V value) {
    log.index.put(key, new Slot<>(log.keys.size(), value));
    log.keys.add(key);
  }

  /** Copies the entries this version sees into a new log, with {@code key} set to {@code value}. */
  private AppendMap<K, V> copy(K key, V value) {
    COPIES.incrementAndGet();
    Log<K, V> fresh = new Log<>();
    boolean replaced = false;
    for (int i = 0; i < size; i++) {
      K k = log.keys.get(i);
      boolean hit = k.equals(key);
      replaced |= hit;
      append(fresh, k, hit ? value : log.index.get(k).value());
    }
    if (!replaced) {
      append(fresh, key, value);
    }
    return new AppendMap<>(fresh, fresh.keys.size());
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean containsKey(Object key) {
    return get(key) != null;
  }

  @Override
  public V get(Object key) {
    if (log == null || key == null) {
      return null;
    }
    Slot<V> at = log.index.get(key);
    return at != null && at.position() < size ? at.value() : null;
  }

  @Override
  public Set<Entry<K, V>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<K, V>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          public Entry<K, V> next() {
            if (next >= size) {
              throw new NoSuchElementException();
            }
            K k;
            synchronized (log) {
              k = log.keys.get(next++);
            }
            return new SimpleImmutableEntry<>(k, log.index.get(k).value());
          }
        };
      }

      @Override
      public int size() {
        return size;
      }
    };
  }
}
