package org.opsbook.notify.internal.workflow;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.opsbook.core.InvalidInputException;
import org.opsbook.notify.SmsRecord;

/**
 * The record format of this module's tests (ops-notify has no JSON library; ops-json's JSON form is tested there):
 * a record is stored as a reference to the value written, so every read returns exactly what was written.
 */
public final class MemoSmsRecordFormat implements SmsRecordFormat {
  private static final Map<String, SmsRecord> WRITTEN = new ConcurrentHashMap<>();
  private static final AtomicLong NEXT = new AtomicLong();

  @Override
  public String write(SmsRecord record) {
    String ref = "record#" + NEXT.incrementAndGet();
    WRITTEN.put(ref, record);
    return ref;
  }

  @Override
  public SmsRecord read(String text) {
    SmsRecord r = WRITTEN.get(text);
    if (r == null) {
      throw new InvalidInputException("", "not a record written by this format: " + text);
    }
    return r;
  }

  @Override
  public String eventData(Map<String, String> details) {
    return new TreeMap<>(details).toString();
  }
}
