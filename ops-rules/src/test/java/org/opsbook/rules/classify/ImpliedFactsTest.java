package org.opsbook.rules.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Classification;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.FaultFacts.CoreInterface;
import org.opsbook.core.Level;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.OpsParameters.AffectedCustomersMode;
import org.opsbook.core.RuleId;
import org.opsbook.rules.internal.classify.ImpliedFacts;

/**
 * FAULT-CLASS-DEF-04 reads a narrower fact a host gives for the centre-manager or room-manager rules as what the
 * manual defines it to be: a core interface is a key interface (「关键接口包括:Call Center、HLR、银行、网站、SMP等」), the
 * self-service 清单 is hot business (「热点业务是指…清单查询…」), complaints of one type and customers who complained are
 * complaints, customers who cannot communicate are affected customers. Before, each of these faults was 一般.
 */
class ImpliedFactsTest {
  private static final FaultClassifier STANDARD = FaultClassifier.standard();
  private static final FaultClassifier CONFIRMED_ONLY = new FaultClassifier(
      OpsParameters.builder().affectedCustomersMode(AffectedCustomersMode.CONFIRMED_ONLY).build());

  private static Classification classify(UnaryOperator<FaultFacts.Builder> facts) {
    return STANDARD.classify(facts.apply(FaultFacts.builder()).build());
  }

  private static void assertRules(Classification c, Level level, String... rules) {
    assertThat(c.level()).isEqualTo(level);
    assertThat(c.matchedRules()).containsExactly(List.of(rules).stream().map(RuleId::of).toArray(RuleId[]::new));
  }

  @Test
  @DisplayName("FAULT-CLASS-L2-09, L1-10: a core interface's full outage is a key interface that cannot serve")
  void aCoreInterfaceIsAKeyInterface() {
    assertRules(classify(b -> b.putCoreInterfaceFullOutageMinutes(CoreInterface.HLR, 45.0)), Level.L2,
        "FAULT-CLASS-L2-09");
    assertRules(classify(b -> b.putCoreInterfaceFullOutageMinutes(CoreInterface.SMP, 20.0)), Level.L1,
        "FAULT-CLASS-L1-10");
    assertRules(classify(b -> b.keyInterfaceOutageMinutes(10).putCoreInterfaceFullOutageMinutes(CoreInterface.CC,
        31.0)), Level.L2, "FAULT-CLASS-L2-09");
    assertRules(classify(b -> b.keyInterfaceOutageMinutes(45).putCoreInterfaceFullOutageMinutes(CoreInterface.CC,
        10.0)), Level.L2, "FAULT-CLASS-L2-09");
  }

  @Test
  @DisplayName("FAULT-CLASS-L1-02, L2-02: customers unable to query 清单 through self-service is hot business affected")
  void theSelfServiceBillListIsHotBusiness() {
    assertRules(classify(b -> b.selfServiceBillListOutageMinutes(150)), Level.L1, "FAULT-CLASS-L1-02");
    assertRules(classify(b -> b.selfServiceBillListOutageMinutes(200)), Level.L2, "FAULT-CLASS-L2-02");
    assertRules(classify(b -> b.selfServiceBillListOutageMinutes(59)), Level.NONE);
  }

  @Test
  @DisplayName("FAULT-CLASS-L1-04, L2-04: complaints of one type and customers who complained are complaints")
  void narrowerComplaintsAreComplaints() {
    assertRules(classify(b -> b.sameTypeComplaintCount(60).complaintCount(10)), Level.L2, "FAULT-CLASS-L2-04");
    assertRules(classify(b -> b.wrongSuspensionComplainingCustomers(60)), Level.L2, "FAULT-CLASS-L2-04");
    assertRules(classify(b -> b.accountAnomalyComplainingCustomers(25)), Level.L1, "FAULT-CLASS-L1-04");
    assertRules(classify(b -> b.commFailureComplainingCustomers(60)), Level.L2, "FAULT-CLASS-L2-04");
  }

  @Test
  @DisplayName("FAULT-CLASS-L2-01: customers with the identical fault, or unable to communicate, are affected customers")
  void customersWhoCannotCommunicateAreAffected() {
    assertRules(classify(b -> b.affectsNormalCommunication(true).sameFaultCustomerCount(600)), Level.L2,
        "FAULT-CLASS-L2-01");
    assertRules(classify(b -> b.commFailurePotentialCustomers(600)), Level.L2, "FAULT-CLASS-L2-01");
    assertThat(CONFIRMED_ONLY.classify(FaultFacts.builder().commFailurePotentialCustomers(600).build()).level())
        .as("potential customers do not count where the host counts confirmed ones only (A-42)")
        .isEqualTo(Level.NONE);
    assertRules(classify(b -> b.commFailureComplainingCustomers(45)), Level.L1, "FAULT-CLASS-L1-04");
  }

  @Test
  @DisplayName("FAULT-CLASS-DEF-04: a narrower fact never lowers the level, and writing out what it implies changes nothing")
  void narrowerFactsOnlyRaiseAndAreReadAsTheirBroaderFacts() {
    qt().withExamples(3_000).forAll(lists().of(integers().between(0, 700)).ofSize(14)).checkAssert(r -> {
      FaultFacts broad = FaultFacts.builder().complaintCount(r.get(0) % 80).keyInterfaceOutageMinutes(r.get(1) % 62)
          .hotBusinessOutageMinutes(r.get(2) % 400).affectsNormalCommunication(r.get(3) % 3 == 0)
          .affectedCustomersConfirmed(r.get(4)).affectedCustomersPotential(r.get(5)).build();
      FaultFacts.Builder b = broad.toBuilder().sameTypeComplaintCount(r.get(6) % 80)
          .commFailureComplainingCustomers(r.get(7) % 3 == 0 ? r.get(7) : 0)
          .wrongSuspensionComplainingCustomers(r.get(8) % 80).accountAnomalyComplainingCustomers(r.get(9) % 80)
          .commFailurePotentialCustomers(r.get(10) % 3 == 0 ? r.get(10) : 0)
          .selfServiceBillListOutageMinutes(r.get(11) % 400);
      if (r.get(12) % 2 == 0) {
        b.sameFaultCustomerCount(r.get(12));
      }
      if (r.get(13) % 2 == 0) {
        b.putCoreInterfaceFullOutageMinutes(CoreInterface.values()[r.get(13) % 4], (double) (r.get(13) % 62));
      }
      FaultFacts narrow = b.build();
      FaultFacts written = narrow.toBuilder().complaintCount(ImpliedFacts.complaints(narrow))
          .keyInterfaceOutageMinutes(ImpliedFacts.keyInterfaceOutageMinutes(narrow))
          .hotBusinessOutageMinutes(ImpliedFacts.hotBusinessOutageMinutes(narrow))
          .affectsNormalCommunication(ImpliedFacts.affectsNormalCommunication(narrow))
          .affectedCustomersConfirmed(ImpliedFacts.confirmedCustomers(narrow))
          .affectedCustomersPotential(ImpliedFacts.potentialCustomers(narrow)).build();
      for (FaultClassifier c : List.of(STANDARD, CONFIRMED_ONLY)) {
        assertThat(c.level(narrow)).as("%s against %s", narrow, broad).isGreaterThanOrEqualTo(c.level(broad));
        assertThat(c.classify(written)).as("%s written out", narrow).isEqualTo(c.classify(narrow));
      }
    });
  }
}
