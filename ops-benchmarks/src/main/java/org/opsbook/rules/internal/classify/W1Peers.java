package org.opsbook.rules.internal.classify;

import java.util.List;
import org.evrete.KnowledgeService;
import org.evrete.api.Knowledge;
import org.evrete.api.builders.RuleSetBuilder;
import org.jeasy.rules.api.Rules;
import org.jeasy.rules.api.RulesEngine;
import org.jeasy.rules.api.RulesEngineParameters;
import org.jeasy.rules.core.DefaultRulesEngine;
import org.jeasy.rules.core.RuleBuilder;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.internal.utils.KieHelper;

/** The W1 rules in each peer engine, generated from the rows of the same opsbook table. */
final class W1Peers {
  private W1Peers() {}

  /** Returns the DRL text: one {@code rule "rI" when $f : W1Fact( fK >= T ) then $f.raise(S, I); end} per row. */
  static String drl(RuleTable<long[]> table) {
    StringBuilder sb = new StringBuilder("package org.opsbook.benchmarks.classify.drl;\n")
        .append("import ").append(W1Fact.class.getName()).append(";\n");
    List<long[]> rows = W1.rows(table);
    for (int i = 0; i < rows.size(); i++) {
      long[] r = rows.get(i);
      sb.append("rule \"r").append(i).append("\" when $f : W1Fact( f").append(r[0]).append(" >= ").append(r[1])
          .append(" ) then $f.raise(").append(r[2]).append(", ").append(i).append("); end\n");
    }
    return sb.toString();
  }

  /** Returns the Drools knowledge base compiled from {@link #drl} with {@code KieHelper}. */
  static KieBase drools(RuleTable<long[]> table) {
    KieHelper helper = new KieHelper().addContent(drl(table), ResourceType.DRL);
    var results = helper.verify();
    if (results.hasMessages(org.kie.api.builder.Message.Level.ERROR)) {
      throw new IllegalStateException("DRL does not compile: " + results.getMessages());
    }
    return helper.build();
  }

  /** Returns the Easy Rules engine: every rule evaluated, none skipped. */
  static RulesEngine easyEngine() {
    return new DefaultRulesEngine(new RulesEngineParameters().skipOnFirstAppliedRule(false)
        .skipOnFirstFailedRule(false).skipOnFirstNonTriggeredRule(false));
  }

  /** Returns the rules as Easy Rules lambdas over the fact named {@code f}. */
  static Rules easyRules(RuleTable<long[]> table) {
    Rules rules = new Rules();
    List<long[]> rows = W1.rows(table);
    for (int i = 0; i < rows.size(); i++) {
      int k = (int) rows.get(i)[0];
      long t = rows.get(i)[1];
      int s = (int) rows.get(i)[2];
      int bit = i;
      rules.register(new RuleBuilder().name("r" + i).priority(i)
          .when(facts -> facts.<W1Fact>get("f").get(k) >= t)
          .then(facts -> facts.<W1Fact>get("f").raise(s, bit))
          .build());
    }
    return rules;
  }

  /** Returns the Evrete knowledge with literal conditions {@code $f.fK >= T}. */
  static Knowledge evrete(RuleTable<long[]> table) {
    Knowledge knowledge = new KnowledgeService().newKnowledge();
    RuleSetBuilder<Knowledge> b = knowledge.builder();
    List<long[]> rows = W1.rows(table);
    for (int i = 0; i < rows.size(); i++) {
      int s = (int) rows.get(i)[2];
      int bit = i;
      b = b.newRule("r" + i).forEach("$f", W1Fact.class).where("$f.f" + rows.get(i)[0] + " >= " + rows.get(i)[1])
          .execute(ctx -> ctx.<W1Fact>get("$f").raise(s, bit));
    }
    return b.build();
  }
}
