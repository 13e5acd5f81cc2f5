package org.opsbook.notify.internal.workflow;

import org.opsbook.core.internal.machine.WorkflowCodec;
import org.opsbook.core.spi.WorkflowRepository.WorkflowInstance;
import org.opsbook.notify.SmsKey;
import org.opsbook.notify.SmsState;
import org.opsbook.notify.SmsMessage;

/**
 * Stores SM-SMS messages as their record in the installed {@code SmsRecordFormat} under the message key, and an
 * event's evidence as its transition data. A message carries its stored version and the time of its last
 * transition, so it is read from the whole stored instance. Thread-safe.
 */
final class SmsCodec implements WorkflowCodec<SmsMessage, SmsChange> {
  static final SmsCodec INSTANCE = new SmsCodec();

  private SmsCodec() {}

  @Override
  public String encode(SmsMessage message) {
    return SmsRecordFormat.installed().write(message.record());
  }

  @Override
  public SmsMessage decode(WorkflowInstance stored) {
    return new SmsMessage(SmsKey.parse(stored.id()), SmsState.valueOf(stored.state()), stored.version(),
        SmsRecordFormat.installed().read(stored.dataJson()), stored.updatedAt());
  }

  @Override
  public String encodeData(SmsChange change) {
    return SmsRecordFormat.installed().eventData(change.details());
  }
}
