package org.opsbook.rules.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.internal.machine.WorkflowCodec;
import org.opsbook.core.spi.WorkflowRepository.WorkflowInstance;
import org.opsbook.rules.bug.BugCodec;
import org.opsbook.rules.bug.BugEventData;
import org.opsbook.rules.bug.BugTicket;

/**
 * The workflow codec of this module's tests (ops-rules has no JSON library; the JSON codecs are tested in ops-json):
 * an instance is stored as a reference to the value written (shared by all instances of this codec, as a store
 * and a service may share one repository), so every read returns exactly what was written.
 *
 * @param <I> the instance type
 * @param <D> the event data type
 */
public class MemoCodec<I, D> implements WorkflowCodec<I, D> {
  private static final Map<String, Object> WRITTEN = new ConcurrentHashMap<>();
  private static final AtomicLong NEXT = new AtomicLong();

  /** Returns a codec of BUGs. */
  public static BugCodec bugs() {
    MemoCodec<BugTicket, BugEventData> memo = new MemoCodec<>();
    return new BugCodec() {
      @Override
      public String write(BugTicket bug) {
        return memo.encode(bug);
      }

      @Override
      public BugTicket read(String text) {
        return memo.get(text);
      }

      @Override
      public String write(BugEventData data) {
        return memo.encodeData(data);
      }
    };
  }

  @Override
  public String encode(I instance) {
    String ref = "instance#" + NEXT.incrementAndGet();
    WRITTEN.put(ref, instance);
    return ref;
  }

  @Override
  public I decode(WorkflowInstance stored) {
    return get(stored.dataJson());
  }

  @SuppressWarnings("unchecked")
  private I get(String ref) {
    Object v = WRITTEN.get(ref);
    if (v == null) {
      throw new InvalidInputException("", "not written by this codec: " + ref);
    }
    return (I) v;
  }

  @Override
  public String encodeData(D data) {
    return String.valueOf(data);
  }
}
