package org.opsbook.notify.internal.workflow;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.Masking;
import org.opsbook.core.Person;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.core.internal.Failures;
import org.opsbook.core.internal.machine.WorkflowStore;
import org.opsbook.core.spi.AuditLog;
import org.opsbook.core.spi.Directory;
import org.opsbook.core.spi.MessageGateway;
import org.opsbook.core.spi.MessageGateway.GatewayException;
import org.opsbook.core.spi.MessageOutbox;
import org.opsbook.core.spi.MessageOutbox.OutboxMessage;
import org.opsbook.core.spi.MessageGateway.OutgoingMessage;
import org.opsbook.core.spi.MessageGateway.SendReceipt;
import org.opsbook.core.spi.WorkflowRepository.WorkflowInstance;
import org.opsbook.core.spi.WorkflowRepository;
import org.opsbook.notify.internal.NotifyConfig;
import org.opsbook.notify.internal.RecipientRules;
import org.opsbook.notify.SmsState;
import org.opsbook.notify.SmsMessage;

/**
 * Delivers released messages from the outbox through the gateway. The host calls {@link #drainOnce} in its own loop
 * (no threads here). Each call:
 *
 * <ol>
 *   <li>puts back into the outbox any released (SENT) SM-SMS message missing from it, so a crash between release
 *       and enqueue loses nothing (a round reads only the messages changed since the round before, less an hour;
 *       the first round after a start reads those changed since the outbox's {@linkplain MessageOutbox#sweepMark
 *       sweep mark}, and every message only when no sweep has ever completed);
 *   <li>claims due messages under a lease, so two dispatchers never work on one message at once;
 *   <li>checks each against its SM-SMS instance: released, and the outbox text equal to the approved text byte for
 *       byte (NOTIFY-REVIEW-01/02); a message that fails is not sent and stays pending with the error;
 *   <li>marks it as being sent and commits that ({@link MessageOutbox#markSending}, fenced by owner and lease
 *       generation) before calling the gateway, so a paused or slow dispatcher whose claim another took never sends
 *       it; sends it with its idempotency key and marks it sent; a {@link GatewayException} (the gateway's word that it
 *       did not accept the message) leaves it pending with its error, retried after a back-off that doubles per
 *       failure ({@link NotifyConfig#retryDelay}). Any other exception leaves the outcome unknown: to a gateway that
 *       deduplicates the message is retried the same way; to any other it stays marked as being sent, its lease
 *       ended ({@link MessageOutbox#leaveInDoubt}): it is in doubt at once, as after a crash.
 * </ol>
 *
 * <p>The guarantee, exactly: a message is handed to the gateway more than once only when a dispatcher crashed (or
 * stalled past its lease) after marking it as being sent and before recording the outcome. Such a message is
 * <em>in doubt</em>: to a gateway that {@linkplain MessageGateway#deduplicates() deduplicates} it is sent again with
 * the same key (the gateway drops the repeat); otherwise it is never resent automatically but listed
 * ({@link #inDoubt}, {@code DrainReport#inDoubt()}) for a person to {@linkplain #confirmSent confirm} or
 * {@linkplain #resend release for a resend}.
 *
 * <p>Every delivery, failure and refusal is appended to the message's audit stream {@code sms:<key>}. A failure is
 * kept (there and in the outbox row) as {@link Failures#describe} writes it, with phone numbers and the names and IDs
 * of the message's recipients and the directory's people masked: a gateway's error quotes whom it failed to reach.
 * Thread-safe as far as its ports are; several dispatchers with different owners may drain one outbox.
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
  /** The {@code now} of the last round's re-enqueue; null before this dispatcher's first sweep. */
  private final AtomicReference<Instant> sweptUpTo = new AtomicReference<>();
  /** The last sweep mark this dispatcher stored; null before its first. */
  private final AtomicReference<Instant> markStored = new AtomicReference<>();

  /** How far before the previous round a round looks for released messages missing from the outbox. */
  static final Duration REENQUEUE_OVERLAP = Duration.ofHours(1);
  /**
   * How far the durable sweep mark may lag this dispatcher's rounds: it is stored at most once per this period (a
   * start after a crash then reads at most this much more), not once per round.
   */
  static final Duration MARK_EVERY = Duration.ofMinutes(1);
  /** Above this many released messages in one sweep, the outbox's keys are read at once. */
  private static final int FIND_ONE_BY_ONE = 64;

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
   * Runs one round: re-enqueue, resend what is in doubt (only to a deduplicating gateway), claim, check, mark as
   * sending, send, mark.
   *
   * @param now the current time, from the host's clock
   * @return what the round did
   */
  public DrainReport drainOnce(Instant now) {
    int reenqueued = reenqueueReleased(now);
    Counts n = new Counts();
    int resent = 0;
    if (gateway.deduplicates()) {
      // a send in doubt goes again with the same key: the gateway drops it if the first one got through
      for (OutboxMessage m : outbox.claimInDoubt(now, config.dispatchBatchSize(), owner, config.dispatchLease())) {
        if (deliver(m, now, n, true)) {
          resent++;
        }
      }
    }
    List<OutboxMessage> claimed = outbox.claim(now, config.dispatchBatchSize(), owner, config.dispatchLease());
    for (OutboxMessage m : claimed) {
      deliver(m, now, n, false);
      // keeps the rest of the batch ours while a slow gateway works through it
      outbox.heartbeat(owner, now, config.dispatchLease());
    }
    int inDoubt = gateway.deduplicates() ? 0 : outbox.inDoubt(now).size();
    return new DrainReport(reenqueued, claimed.size(), n.sent, n.failed, n.refused, n.lost, resent, inDoubt);
  }

  private static final class Counts {
    int sent;
    int failed;
    int refused;
    int lost;
    /** The names and IDs of the directory's people, read once a round when a send first fails; null before. */
    List<String> people;
  }

  /** Checks, marks as sending, sends and marks one claimed message; returns true when the gateway accepted it. */
  private boolean deliver(OutboxMessage m, Instant now, Counts n, boolean resend) {
    Instant retryAt = now.plus(config.retryDelay(m.attempts() + 1));
    Optional<String> refusal = refusal(m);
    if (refusal.isPresent()) {
      if (outbox.markFailed(m, refusal.get(), retryAt)) {
        record(m, now, "dispatchRefused", Map.of("error", refusal.get(), "retryAt", retryAt.toString()));
        n.refused++;
      } else {
        n.lost++;
      }
      return false;
    }
    // committed before the gateway is called: no other dispatcher can take the message from here on
    if (!outbox.markSending(m, now, config.dispatchLease())) {
      n.lost++;
      return false;
    }
    SendReceipt receipt;
    try {
      receipt = gateway.send(new OutgoingMessage(m.key(), m.channel(), m.text(), m.recipients()));
      if (receipt == null) {
        // returned, so perhaps accepted; without a receipt the library cannot say it was sent
        throw new IllegalStateException("the gateway returned no receipt");
      }
    } catch (RuntimeException e) {
      String error = Failures.describe(e, peopleMasking(m, n));
      if (!(e instanceof GatewayException) && !gateway.deduplicates()) {
        // not the gateway's "not accepted": the platform may have taken it, and a resend could reach every
        // recipient twice; left as being sent with its lease ended, it is in doubt at once, for a person to resolve
        record(m, now, "deliveryInDoubt", Map.of("error", error, "attempt", Integer.toString(m.attempts() + 1)));
        outbox.leaveInDoubt(m, now);
        n.failed++;
        return false;
      }
      if (outbox.markFailed(m, error, retryAt)) {
        record(m, now, "deliveryFailed", Map.of("error", error, "attempt", Integer.toString(m.attempts() + 1),
            "retryAt", retryAt.toString()));
        n.failed++;
      } else {
        n.lost++;
      }
      return false;
    }
    // the sending is dated by a time this round saw: between handing the message over and the end of its lease
    // (a later return would have lost the claim). A platform whose clock is far off, or a receipt dated otherwise,
    // would date it before it was released or long after, and the sending discharges its duty and is what an audit
    // holds against the deadline; the platform's own time is kept beside it
    Instant latest = now.plus(config.dispatchLease());
    Instant sentAt = receipt.acceptedAt().isBefore(now) ? now
        : receipt.acceptedAt().isAfter(latest) ? latest : receipt.acceptedAt();
    Map<String, String> details = new LinkedHashMap<>();
    details.put("gatewayId", receipt.gatewayId());
    if (!sentAt.equals(receipt.acceptedAt())) {
      details.put("gatewayAcceptedAt", receipt.acceptedAt().toString());
    }
    details.put("duplicate", Boolean.toString(receipt.duplicate()));
    details.put("attempt", Integer.toString(m.attempts() + 1));
    details.put("recipientCount", Integer.toString(m.recipients().size()));
    if (resend) {
      details.put("resentInDoubt", "true");
    }
    record(m, now, "deliver", details);
    if (outbox.markSent(m, sentAt, receipt.gatewayId())) {
      n.sent++;
    } else {
      // delivered, but the claim was lost meanwhile (a person resolved it as in doubt); the audit says it went
      n.lost++;
    }
    return true;
  }

  /**
   * Returns the masking of the people a gateway's error may name: the names and IDs of the message's recipients and of
   * the directory's people, read once a round. A directory that cannot list its people leaves the recipients': the
   * failure is recorded all the same.
   */
  private Masking.Names peopleMasking(OutboxMessage m, Counts n) {
    if (n.people == null) {
      List<String> people = new ArrayList<>();
      try {
        for (Person p : directory.people()) {
          people.add(p.name());
          people.add(p.id());
        }
      } catch (RuntimeException e) {
        // the directory's failure is the host's to see where it reads the directory
      }
      n.people = people;
    }
    List<String> words = new ArrayList<>(n.people);
    for (Person p : m.recipients()) {
      words.add(p.name());
      words.add(p.id());
    }
    return Masking.names(words);
  }

  /**
   * Returns the messages whose send is in doubt: a dispatcher marked them as being sent and then stopped (crashed,
   * or stalled past its lease) before recording the outcome. With a gateway that does not deduplicate they are never
   * resent automatically; a person checks with the SMS platform and calls {@link #confirmSent} or {@link #resend}.
   */
  public List<OutboxMessage> inDoubt(Instant now) {
    return outbox.inDoubt(now);
  }

  /**
   * Records that a person confirmed an in-doubt message as delivered; appended to its audit stream.
   *
   * @return false when the message is not in doubt
   */
  public boolean confirmSent(String key, String actorId, Instant now) {
    checkArgument(actorId != null && !actorId.isBlank(), "actorId must not be blank");
    // the confirmation and its audit record in one transaction where the outbox shares the log's storage
    return outbox.confirmSent(key, now, "confirmed sent by " + actorId, AuditEntry.builder().stream("sms:" + key)
        .at(now).actorId(actorId).action("confirmSentInDoubt").addRuleIds(RuleId.of("SM-SMS-T05")).build(), auditLog);
  }

  /**
   * Releases an in-doubt message for a resend once a person found it was not delivered; appended to its audit
   * stream. The next round sends it again.
   *
   * @return false when the message is not in doubt
   */
  public boolean resend(String key, String actorId, Instant now) {
    checkArgument(actorId != null && !actorId.isBlank(), "actorId must not be blank");
    return outbox.releaseForResend(key, now, "resend confirmed by " + actorId, AuditEntry.builder()
        .stream("sms:" + key).at(now).actorId(actorId).action("resendInDoubt").build(), auditLog);
  }

  /**
   * Puts back released messages missing from the outbox. A round reads only the instances changed since the previous
   * round, less {@link #REENQUEUE_OVERLAP} for a release still committing then or dated by a clock behind this one,
   * so a round costs the same after a year of messages as on the first day. The first round of a dispatcher reads
   * those changed since the outbox's {@linkplain MessageOutbox#sweepMark sweep mark}, which the rounds of every
   * dispatcher advance once their re-enqueues are committed (to their {@code now} less the overlap), so a process
   * that died between release and enqueue is found when it, or another, starts; with no mark yet it sweeps every
   * SM-SMS instance.
   */
  private int reenqueueReleased(Instant now) {
    Instant since = sweptUpTo.get();
    Instant from = since != null ? since.minus(REENQUEUE_OVERLAP) : outbox.sweepMark().orElse(null);
    List<WorkflowInstance> changed = from == null ? workflows.list(SmsWorkflow.MACHINE)
        : workflows.listUpdatedSince(SmsWorkflow.MACHINE, from);
    List<WorkflowInstance> released = new ArrayList<>();
    // filter on the stored state before reading any message: most are long sent and in the outbox
    for (WorkflowInstance i : changed) {
      if (i.state().equals(SmsState.SENT.name())) {
        released.add(i);
      }
    }
    // a full sweep asks the outbox once for its keys rather than once per released message
    Set<String> queued = null;
    if (released.size() > FIND_ONE_BY_ONE) {
      queued = new HashSet<>();
      for (OutboxMessage m : outbox.list(Optional.empty())) {
        queued.add(m.key());
      }
    }
    int n = 0;
    for (WorkflowInstance i : released) {
      // a key enqueued since the keys were read is enqueued again harmlessly: the outbox keeps the first
      boolean missing = queued != null ? !queued.contains(i.id()) : outbox.find(i.id()).isEmpty();
      if (missing) {
        SmsMessage m = SmsCodec.INSTANCE.decode(i);
        outbox.enqueue(SmsWorkflow.outboxMessage(m.record(),
            RecipientRules.releasedTo(directory, m.record().recipientIds()), now));
        n++;
      }
    }
    sweptUpTo.accumulateAndGet(now, (a, b) -> a == null || b.isAfter(a) ? b : a);
    // every release committed before now less the overlap was read above and is in the outbox now (each enqueue is
    // committed on return), so the mark may move there; the outbox keeps it from moving back
    Instant mark = now.minus(REENQUEUE_OVERLAP);
    Instant stored = markStored.get();
    if (stored == null || !mark.isBefore(stored.plus(MARK_EVERY))) {
      outbox.advanceSweepMark(mark);
      markStored.accumulateAndGet(mark, (a, b) -> a == null || b.isAfter(a) ? b : a);
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
    private String owner = "sms-dispatcher-" + ProcessHandle.current().pid() + "-"
        + java.util.UUID.randomUUID().toString().substring(0, 8);

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

    /**
     * Sets this dispatcher's name as lease owner and audit actor; unique per running instance. By default
     * {@code sms-dispatcher-<pid>-<random>}, unique per instance.
     */
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
