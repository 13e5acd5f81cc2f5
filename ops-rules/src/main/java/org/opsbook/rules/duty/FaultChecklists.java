package org.opsbook.rules.duty;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.RuleId;
import org.opsbook.rules.internal.catalog.RuleCatalog;
import org.opsbook.rules.duty.FaultTracker.Advice;

/**
 * The advice of an open fault: the principle of §2.1.3.3 and the two emergency checklists, each step in the manual's
 * order with its words (the registry's quote).
 *
 * <ul>
 *   <li>FAULT-GEN-01 「应以将故障影响面降低到最小为原则」: every open general fault (peak level NONE; §2.1 governs general
 *       faults, §2.2 escalated ones);</li>
 *   <li>FAULT-GEN-05, steps FAULT-GEN-05.1..05.8: a general fault with 10 or more customers with the same fault
 *       (FAULT-GEN-04 「超过10个以上客户出现相同故障…按以下步骤启动紧急故障处理流程」); 05.8 「如怀疑为软件问题」 only when a
 *       software problem is suspected;</li>
 *   <li>ESC-REQ-02, steps ESC-REQ-02.1..02.11: an open escalated fault (peak L1 or L2). The manual starts the
 *       procedure at 10 or more same-fault customers 「具有发展为严重或重大故障的趋势」; a fault already 严重 or 重大
 *       has gone past that trend, so it follows the procedure too (the project's reading). ESC-REQ-02.3 (the main
 *       fault point in the province, = ESC-REQ-03) and ESC-REQ-02.11 (a confirmed software-version defect, =
 *       ESC-REQ-05) only when their condition holds. The steps that are duties (02.1 the notification SMS, 02.3,
 *       02.6 = ESC-REQ-04, 02.9 the follow-up SMS, 02.11) are owed as obligations as well.</li>
 * </ul>
 */
final class FaultChecklists {
  private static final List<Step> GENERAL = List.of(
      step("FAULT-GEN-05"),
      step("FAULT-GEN-05.1"),
      step("FAULT-GEN-05.2"),
      step("FAULT-GEN-05.3"),
      step("FAULT-GEN-05.4"),
      step("FAULT-GEN-05.5"),
      step("FAULT-GEN-05.6"),
      step("FAULT-GEN-05.7"),
      step("FAULT-GEN-05.8", FaultFacts::softwareProblemSuspected));

  private static final List<Step> ESCALATED = List.of(
      step("ESC-REQ-02"),
      step("ESC-REQ-02.1"),
      step("ESC-REQ-02.2"),
      step("ESC-REQ-02.3", FaultFacts::mainFaultPointInProvince),
      step("ESC-REQ-02.4"),
      step("ESC-REQ-02.5"),
      step("ESC-REQ-02.6"),
      step("ESC-REQ-02.7"),
      step("ESC-REQ-02.8"),
      step("ESC-REQ-02.9"),
      step("ESC-REQ-02.10"),
      step("ESC-REQ-02.11", FaultFacts::softwareVersionDefectConfirmed));

  /** FAULT-GEN-01, for every open general fault. */
  private static final Advice GENERAL_ADVICE = advice(RuleId.of("FAULT-GEN-01"));

  private FaultChecklists() {}

  static List<Advice> of(FaultTracker f) {
    List<Advice> out = new ArrayList<>();
    if (!f.isOpen()) {
      return out;
    }
    if (f.peakLevel().isEscalated()) {
      add(out, ESCALATED, f.facts());
      return out;
    }
    out.add(GENERAL_ADVICE);
    if (ConditionRules.sameFaultEmergency(f)) {
      add(out, GENERAL, f.facts());
    }
    return out;
  }

  private static void add(List<Advice> out, List<Step> steps, FaultFacts facts) {
    for (Step s : steps) {
      if (s.applies().test(facts)) {
        out.add(s.advice());
      }
    }
  }

  private static Advice advice(RuleId id) {
    return new Advice(id, String.join(" ", RuleCatalog.standard().get(id).manualWords()));
  }

  private static Step step(String id) {
    return step(id, f -> true);
  }

  private static Step step(String id, Predicate<FaultFacts> applies) {
    return new Step(advice(RuleId.of(id)), applies);
  }

  /** A step and its advice, the manual's words joined once: the standard catalog never changes. */
  private record Step(Advice advice, Predicate<FaultFacts> applies) {}
}
