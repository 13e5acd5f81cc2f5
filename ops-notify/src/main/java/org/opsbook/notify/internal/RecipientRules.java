package org.opsbook.notify.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.Collection;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.FaultNature;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.Person;
import org.opsbook.core.RecipientClass;
import org.opsbook.core.RuleId;
import org.opsbook.core.spi.Directory;
import org.opsbook.notify.MessageType;

/**
 * The recipient rules of §9.2: which classes receive a fault's SMS, and who they are.
 *
 * <ul>
 *   <li>NOTIFY-RCPT-01 「发送范围:向C类人员名单发送相关故障短信」: business-type → C.
 *   <li>NOTIFY-RCPT-02 「非CALLCENTER类故障向A、B、C类人员名单发送」: system-type → A, B, C.
 *   <li>NOTIFY-RCPT-03 「CALLCENTER类故障向B、C类人员名单发送」: system-type CALLCENTER fault → B, C (no A).
 *   <li>NOTIFY-RCPT-04 「只有在三级以上(含三级)时才发给D类客户」: D is added when the customer-service complaint level is
 *       at least {@code dRecipientsCsLevelMin} (3), and never otherwise; A and B are not removed (CONFLICT-16).
 *   <li>NOTIFY-RCPT-08 (proposed): follow-up and recovery SMS go to the notification's classes, D recomputed with the
 *       current complaint level.
 * </ul>
 *
 * <p>The posted BUG notice (NOTIFY-TPL-05) has no recipient classes: BUG-04 posts it on 服务营销系统, 合作伙伴门户 and
 * BBS for anyone to read, so its decision is the empty set under BUG-04. Stateless and thread-safe.
 */
public final class RecipientRules {
  /** NOTIFY-RCPT-01: business-type faults go to C. */
  public static final RuleId RCPT_01 = RuleId.of("NOTIFY-RCPT-01");
  /** NOTIFY-RCPT-02: system-type, non-CALLCENTER faults go to A, B and C. */
  public static final RuleId RCPT_02 = RuleId.of("NOTIFY-RCPT-02");
  /** NOTIFY-RCPT-03: system-type CALLCENTER faults go to B and C. */
  public static final RuleId RCPT_03 = RuleId.of("NOTIFY-RCPT-03");
  /** NOTIFY-RCPT-04: D only at complaint level 3 or higher. */
  public static final RuleId RCPT_04 = RuleId.of("NOTIFY-RCPT-04");
  /** NOTIFY-RCPT-08: follow-up and recovery go to the notification's recipients. */
  public static final RuleId RCPT_08 = RuleId.of("NOTIFY-RCPT-08");
  /** BUG-04: the BUG notice is posted, not sent to a list. */
  public static final RuleId BUG_04 = RuleId.of("BUG-04");

  private RecipientRules() {}

  /**
   * Returns the classes of NOTIFY-RCPT-01..03 for a fault, before D.
   *
   * @param nature 业务类 or 系统类
   * @param callCenterFault whether it is a CALLCENTER类故障 (only matters for system-type faults)
   */
  public static RecipientDecision base(FaultNature nature, boolean callCenterFault) {
    checkNotNull(nature, "nature");
    if (nature == FaultNature.BUSINESS) {
      return RecipientDecision.of(EnumSet.of(RecipientClass.C), Set.of(RCPT_01));
    }
    if (callCenterFault) {
      return RecipientDecision.of(EnumSet.of(RecipientClass.B, RecipientClass.C), Set.of(RCPT_03));
    }
    return RecipientDecision.of(EnumSet.of(RecipientClass.A, RecipientClass.B, RecipientClass.C), Set.of(RCPT_02));
  }

  /**
   * Applies NOTIFY-RCPT-04 to {@code base}: adds D when {@code csComplaintLevel >= dRecipientsCsLevelMin}, removes
   * it otherwise.
   */
  public static RecipientDecision withComplaintLevel(RecipientDecision base, OptionalInt csComplaintLevel,
      OpsParameters parameters) {
    Set<RecipientClass> classes = EnumSet.noneOf(RecipientClass.class);
    classes.addAll(base.classes());
    Set<RuleId> rules = new TreeSet<>(base.ruleIds());
    if (csComplaintLevel.isPresent() && csComplaintLevel.getAsInt() >= parameters.dRecipientsCsLevelMin()) {
      classes.add(RecipientClass.D);
      rules.add(RCPT_04);
    } else {
      classes.remove(RecipientClass.D);
    }
    return RecipientDecision.of(classes, rules);
  }

  /**
   * Returns the classes that receive a message of {@code type} about a fault with {@code facts}: NOTIFY-RCPT-01..03
   * by nature, NOTIFY-RCPT-04 for D, NOTIFY-RCPT-08 for follow-up and recovery; none for the BUG notice.
   *
   * @throws InvalidInputException naming {@code nature} when an SMS is asked for a fault without one
   */
  public static RecipientDecision forMessage(MessageType type, FaultFacts facts, OpsParameters parameters) {
    checkNotNull(type, "type");
    if (!type.isSms()) {
      return RecipientDecision.of(Set.of(), Set.of(BUG_04));
    }
    FaultNature nature = facts.nature().orElseThrow(() -> new InvalidInputException("nature",
        "the recipients of a fault SMS depend on its nature, BUSINESS or SYSTEM (NOTIFY-RCPT-01..03)"));
    RecipientDecision d = withComplaintLevel(base(nature, facts.callCenterFault()), facts.csComplaintLevel(),
        parameters);
    return type == MessageType.NOTIFICATION ? d : alsoUnder(d, RCPT_08);
  }

  /** Returns {@code d} with {@code rule} added to its reasons, e.g. NOTIFY-RCPT-08 for a follow-up's classes. */
  public static RecipientDecision alsoUnder(RecipientDecision d, RuleId rule) {
    Set<RuleId> rules = new TreeSet<>(d.ruleIds());
    rules.add(rule);
    return RecipientDecision.of(d.classes(), rules);
  }

  /**
   * Resolves classes to people through the directory, in class order then directory order; a person in two classes
   * is listed once, and so is a mobile number ({@link Person#mobileNumber()}) that two entries of a host's directory
   * share, which {@code InMemoryDirectory} refuses: the first entry with the number stands for it. So no phone receives
   * the same message twice.
   */
  public static List<Person> resolve(Directory directory, Set<RecipientClass> classes) {
    Map<String, Person> byId = new LinkedHashMap<>();
    for (RecipientClass c : new TreeSet<>(classes)) {
      for (Person p : directory.members(c)) {
        byId.putIfAbsent(p.id(), p);
      }
    }
    return oncePerNumber(byId.values());
  }

  /**
   * Returns the people a released message's recorded recipient IDs name in the directory now, each mobile number
   * once; an ID the directory no longer holds is left out. A message put back in the outbox after a crash goes to
   * them, against a directory that may since list one number under two of the IDs.
   */
  public static List<Person> releasedTo(Directory directory, List<String> ids) {
    List<Person> people = new ArrayList<>();
    for (String id : ids) {
      directory.find(id).ifPresent(people::add);
    }
    return oncePerNumber(people);
  }

  /**
   * Returns {@code people} in their order with each mobile number ({@link Person#mobileNumber()}) once: the first
   * person listed under a number stands for it. People without a number stay.
   */
  private static List<Person> oncePerNumber(Collection<Person> people) {
    Set<String> numbers = new HashSet<>();
    return people.stream()
        .filter(p -> p.mobileNumber().filter(n -> !n.isEmpty()).map(numbers::add).orElse(true))
        .collect(ImmutableList.toImmutableList());
  }
}
