package org.opsbook.json.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.opsbook.core.Classification;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.FaultNature;
import org.opsbook.core.InvalidInputException;
import org.opsbook.json.JsonFields;

/**
 * The {@code assumptions} of a {@code classify}, {@code obligations} or {@code notify} answer (decision-api.md, issue 13 finding 7):
 * the facts that were absent from the request and defaulted, where another value they could have had changes the
 * outcome. The manual implies none of them from the other facts, so they are named rather than derived:
 * <ul>
 *   <li>{@code sameTypeComplaintCount} (default 0; ESC-ROOM-03 「同类客户投诉」): tried as every complaint received
 *       being of one type ({@code complaintCount}), the most the manual allows;
 *   <li>{@code efficiencyDegraded} (default false; L1-12, L2-12 「系统效率大幅降低」): tried as true;
 *   <li>{@code nature} (default unknown; NOTIFY-TRIG-04/05, NOTIFY-RCPT-01..03): tried as BUSINESS and SYSTEM.
 * </ul>
 * A fact whose alternatives all leave the outcome as it is is not named. Stateless.
 */
final class FactAssumptions {
  private FactAssumptions() {}

  /**
   * Returns the names of the absent facts of {@code request} whose default matters to {@code outcome}, in the order
   * above.
   */
  static List<String> of(JsonFields request, FaultFacts facts, Function<FaultFacts, ?> outcome) {
    Object base = outcome.apply(facts);
    List<String> out = new ArrayList<>();
    if (absent(request, "sameTypeComplaintCount") && facts.complaintCount() > 0
        && changes(base, outcome, facts.toBuilder().sameTypeComplaintCount(facts.complaintCount()).build())) {
      out.add("sameTypeComplaintCount");
    }
    if (absent(request, "efficiencyDegraded")
        && changes(base, outcome, facts.toBuilder().efficiencyDegraded(true).build())) {
      out.add("efficiencyDegraded");
    }
    if (absent(request, "nature")) {
      for (FaultNature n : FaultNature.values()) {
        if (changes(base, outcome, facts.toBuilder().nature(n).build())) {
          out.add("nature");
          break;
        }
      }
    }
    return out;
  }

  /**
   * Returns what {@link #of} returns for the outcome {@code [classify(facts), rest(facts)]}, an invalid-input
   * message in place of the pair when either part refuses the facts, without computing {@code rest} where the
   * classification decides alone. {@code rest} is the expensive part (the obligations fold); it must read the facts
   * only through their fields, and {@code efficiencyDegraded} only through the classification. Then:
   * <ul>
   *   <li>{@code base} and {@code baseRest} are the outcome of the given facts, already computed by the caller;
   *   <li>an alternative whose classification differs, or is refused, changes the outcome (its first part differs);
   *   <li>{@code efficiencyDegraded} is one of the classification's dimensions (L1-12, L2-12) and every matched rule
   *       is named in {@link Classification#matchedRulesAllLevels}, so an equal classification means the flag
   *       matched no rule either way, and {@code rest} sees no difference: the outcome is unchanged;
   *   <li>{@code natureKnownToMatter}: the caller knows from {@code baseRest} that every known nature changes it;
   *   <li>{@code sameTypeMayChangeRest}: false when the caller knows from the rules that {@code rest} is the same
   *       with {@code sameTypeComplaintCount} as {@code complaintCount} (for the obligations,
   *       {@code SameTypeComplaints.mayChangeObligations}); the classification is still compared.
   * </ul>
   * ObligationsAssumptionsPropertiesTest checks this against {@link #of} over generated requests.
   */
  static List<String> ofClassifiedFirst(JsonFields request, FaultFacts facts, Classification base, Object baseRest,
      Function<FaultFacts, Classification> classify, Function<FaultFacts, ?> rest, boolean natureKnownToMatter,
      boolean sameTypeMayChangeRest) {
    List<String> out = new ArrayList<>();
    if (absent(request, "sameTypeComplaintCount") && facts.complaintCount() > 0
        && changes(base, baseRest, classify, rest, facts.toBuilder().sameTypeComplaintCount(facts.complaintCount())
            .build(), sameTypeMayChangeRest)) {
      out.add("sameTypeComplaintCount");
    }
    if (absent(request, "efficiencyDegraded")
        && changes(base, baseRest, classify, rest, facts.toBuilder().efficiencyDegraded(true).build(), false)) {
      out.add("efficiencyDegraded");
    }
    if (absent(request, "nature")) {
      for (FaultNature n : FaultNature.values()) {
        if (natureKnownToMatter
            || changes(base, baseRest, classify, rest, facts.toBuilder().nature(n).build(), true)) {
          out.add("nature");
          break;
        }
      }
    }
    return out;
  }

  private static boolean changes(Classification base, Object baseRest, Function<FaultFacts, Classification> classify,
      Function<FaultFacts, ?> rest, FaultFacts alternative, boolean restMayDiffer) {
    try {
      if (!base.equals(classify.apply(alternative))) {
        return true;
      }
      return restMayDiffer && !Objects.equals(baseRest, rest.apply(alternative));
    } catch (InvalidInputException e) {
      return true;
    }
  }

  /** Adds {@code "assumptions": [...]} to {@code answer} when {@code names} is not empty. */
  static void write(ObjectNode answer, List<String> names) {
    if (!names.isEmpty()) {
      ArrayNode a = answer.putArray("assumptions");
      names.forEach(a::add);
    }
  }

  /**
   * The {@code assumptions} of a {@code notify} answer: the facts of {@link #of}, then {@code callCenterFault} (default
   * false; NOTIFY-RCPT-03 leaves class A out of a CALLCENTER fault's SMS): tried as true; and
   * {@code csComplaintLevel} (default none; NOTIFY-RCPT-04 adds class D from a complaint level): tried as each level
   * from 1 to 4. Named when absent and another value changes {@code outcome}.
   */
  static List<String> ofNotify(JsonFields request, FaultFacts facts, Function<FaultFacts, ?> outcome) {
    List<String> out = new ArrayList<>(of(request, facts, outcome));
    Object base = outcome.apply(facts);
    if (absent(request, "callCenterFault")
        && changes(base, outcome, facts.toBuilder().callCenterFault(true).build())) {
      out.add("callCenterFault");
    }
    if (absent(request, "csComplaintLevel")) {
      for (int level = 1; level <= 4; level++) {
        if (changes(base, outcome, facts.toBuilder().csComplaintLevel(level).build())) {
          out.add("csComplaintLevel");
          break;
        }
      }
    }
    return out;
  }

  private static boolean absent(JsonFields request, String field) {
    return !request.has(field);
  }

  private static boolean changes(Object base, Function<FaultFacts, ?> outcome, FaultFacts alternative) {
    return !Objects.equals(base, outcome.apply(alternative));
  }
}
