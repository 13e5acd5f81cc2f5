package org.opsbook.rules.testing;

import org.opsbook.core.internal.machine.WorkflowCodec;
import org.opsbook.core.spi.WorkflowRepository.WorkflowInstance;
import org.opsbook.rules.internal.bug.BugCodec;
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
  private static final Memo<Object> WRITTEN = new Memo<>("instance", "", "not written by this codec: ");

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
    return WRITTEN.keep(instance);
  }

  @Override
  public I decode(WorkflowInstance stored) {
    return get(stored.dataJson());
  }

  @SuppressWarnings("unchecked")
  private I get(String ref) {
    return (I) WRITTEN.recall(ref);
  }

  @Override
  public String encodeData(D data) {
    return String.valueOf(data);
  }
}
