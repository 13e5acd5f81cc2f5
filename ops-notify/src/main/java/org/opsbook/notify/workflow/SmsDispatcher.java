package org.opsbook.notify.workflow;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.Person;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.core.machine.WorkflowStore;
import org.opsbook.core.spi.AuditLog;
import org.opsbook.core.spi.Directory;
import org.opsbook.core.spi.MessageGateway;
import org.opsbook.core.spi.MessageOutbox;
import org.opsbook.core.spi.OutboxMessage;
import org.opsbook.core.spi.OutgoingMessage;
import org.opsbook.core.spi.SendReceipt;
import org.opsbook.core.spi.WorkflowInstance;
import org.opsbook.core.spi.WorkflowRepository;
import org.opsbook.notify.NotifyConfig;
import org.opsbook.notify.SmsState;

/**
 * Delivers released messages from the outbox through the gateway, exactly once. The host calls {@link #drainOnce}
 * in its own loop (no threads here). Each call:
 *
 * <ol>
 *   <li>puts back into the outbox any released (SENT) SM-SMS message missing from it, so a crash between release
 *       and enqueue loses nothing;
 *   <li>claims due messages under a lease, so two dispatchers never work on one message at once;
 *   <li>checks each against its SM-SMS instance: released, and the outbox text equal to the approved text byte for
 *       byte (NOTIFY-REVIEW-01/02); a message that fails is not sent and stays pending with the error;
 *   <li>sends it with its idempotency key, so a retry after a crash (sent, but not yet marked) is dropped by the
 *       gateway as a repeat, and marks it sent; a failure leaves it pending with its error, retried after a back-off
 *       that doubles per failure ({@link NotifyConfig#retryDelay}).
 * </ol>
 *
 * <p>Every delivery, failure and refusal is appended to the message's audit stream {@code sms:<key>}. Thread-safe as
 * far as its ports are; several dispatchers with different owners may drain one outbox.
 */
public final class SmsDispatcher {
  private final MessageOutbox outbox;
  private final MessageGateway gateway;
  private final WorkflowRepository workflows;
  private final WorkflowStore<SmsMessage, SmsEvent, SmsChange> messages;
  private final Directory directory;
  private final AuditLog auditLog;
  private final NotifyConfig config;
  private final String owner;

  private SmsDispatcher(Builder b) {
    this.outbox = checkNotNull(b.outbox, "outbox");
    this.gateway = checkNotNull(b.gateway, "gateway");
    this.workflows = checkNotNull(b.workflows, "workflows");
    this.messages = SmsWorkflow.store(workflows);
    this.directory = checkNotNull(b.directory, "directory");
    this.auditLog = checkNotNull(b.auditLog, "auditLog");
    this.config = b.config;
    this.owner = b.owner;
  }

  /** Returns a builder; outbox, gateway, workflows, directory and audit log are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs one round: re-enqueue, claim, check, send, mark.
   *
   * @param now the current time, from the host's clock
   * @return what the round did
   */
  public DrainReport drainOnce(Instant now) {
    int reenqueued = reenqueueReleased(now);
    List<OutboxMessage> claimed = outbox.claim(now, config.dispatchBatchSize(), owner, config.dispatchLease());
    int sent = 0;
    int failed = 0;
    int refused = 0;
    for (OutboxMessage m : claimed) {
      Instant retryAt = now.plus(config.retryDelay(m.attempts() + 1));
      Optional<String> refusal = refusal(m);
      if (refusal.isPresent()) {
        record(m, now, "dispatchRefused", Map.of("error", refusal.get(), "retryAt", retryAt.toString()));
        outbox.markFailed(m.key(), owner, refusal.get(), retryAt);
        refused++;
        continue;
      }
      SendReceipt receipt;
      try {
        receipt = gateway.send(new OutgoingMessage(m.key(), m.channel(), m.text(), m.recipients()));
      } catch (RuntimeException e) {
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        record(m, now, "deliveryFailed", Map.of("error", error, "attempt", Integer.toString(m.attempts() + 1),
            "retryAt", retryAt.toString()));
        outbox.markFailed(m.key(), owner, error, retryAt);
        failed++;
        continue;
      }
      Map<String, String> details = new LinkedHashMap<>();
      details.put("gatewayId", receipt.gatewayId());
      details.put("duplicate", Boolean.toString(receipt.duplicate()));
      details.put("attempt", Integer.toString(m.attempts() + 1));
      details.put("recipientCount", Integer.toString(m.recipients().size()));
      record(m, now, "deliver", details);
      outbox.markSent(m.key(), receipt.acceptedAt(), receipt.gatewayId());
      sent++;
    }
    return new DrainReport(reenqueued, claimed.size(), sent, failed, refused);
  }

  private int reenqueueReleased(Instant now) {
    int n = 0;
    // filter on the stored state before reading any message: most are long sent and in the outbox
    for (WorkflowInstance i : workflows.list(SmsWorkflow.MACHINE)) {
      if (i.state().equals(SmsState.SENT.name()) && outbox.find(i.id()).isEmpty()) {
        SmsMessage m = SmsCodec.INSTANCE.decode(i);
        List<Person> recipients = new ArrayList<>();
        for (String id : m.record().recipientIds()) {
          directory.find(id).ifPresent(recipients::add);
        }
        outbox.enqueue(SmsWorkflow.outboxMessage(m.record(), recipients, now));
        n++;
      }
    }
    return n;
  }

  private Optional<String> refusal(OutboxMessage m) {
    Optional<SmsMessage> stored = messages.find(m.key());
    if (stored.isEmpty()) {
      return Optional.of("SM-SMS-T05: no released SM-SMS message has key " + m.key() + "; not sent");
    }
    SmsMessage sms = stored.get();
    if (sms.state() != SmsState.SENT) {
      return Optional.of("SM-SMS-T05: message " + m.key() + " is " + sms.state() + ", not released; not sent");
    }
    if (!sms.record().approvedText().map(m.text()::equals).orElse(false)) {
      String rule = sms.record().authorRole().orElse(Role.ESC_DUTY) == Role.EARTH_VILLAGE
          ? SmsMachine.REVIEW_02 : SmsMachine.REVIEW_01;
      return Optional.of(rule + ": the outbox text differs from the approved text; not sent");
    }
    return Optional.empty();
  }

  private void record(OutboxMessage m, Instant now, String action, Map<String, String> details) {
    AuditEntry.Builder e = AuditEntry.builder()
        .stream("sms:" + m.key())
        .at(now)
        .actorId(owner)
        .action(action)
        .putAllDetails(details);
    if (action.equals("deliver")) {
      e.addRuleIds(RuleId.of("SM-SMS-T05"));
    }
    auditLog.append(e.build());
  }

  /** Builds an {@link SmsDispatcher}; not thread-safe. */
  public static final class Builder {
    private MessageOutbox outbox;
    private MessageGateway gateway;
    private WorkflowRepository workflows;
    private Directory directory;
    private AuditLog auditLog;
    private NotifyConfig config = NotifyConfig.defaults();
    private String owner = "sms-dispatcher";

    private Builder() {}

    /** Sets the outbox to drain. */
    public Builder outbox(MessageOutbox outbox) {
      this.outbox = outbox;
      return this;
    }

    /** Sets the gateway that sends. */
    public Builder gateway(MessageGateway gateway) {
      this.gateway = gateway;
      return this;
    }

    /** Sets where SM-SMS instances are stored (the same repository as the workflow's). */
    public Builder workflows(WorkflowRepository workflows) {
      this.workflows = workflows;
      return this;
    }

    /** Sets the directory that resolves recipients of a re-enqueued message. */
    public Builder directory(Directory directory) {
      this.directory = directory;
      return this;
    }

    /** Sets the audit log deliveries are recorded in (the one the workflow repository seals into). */
    public Builder auditLog(AuditLog auditLog) {
      this.auditLog = auditLog;
      return this;
    }

    /** Sets the settings (batch size, lease, back-off). */
    public Builder config(NotifyConfig config) {
      this.config = checkNotNull(config, "config");
      return this;
    }

    /** Sets this dispatcher's name as lease owner and audit actor; unique per running instance. */
    public Builder owner(String owner) {
      checkArgument(owner != null && !owner.isBlank(), "owner must not be blank");
      this.owner = owner;
      return this;
    }

    /** Returns the dispatcher. */
    public SmsDispatcher build() {
      return new SmsDispatcher(this);
    }
  }
}
