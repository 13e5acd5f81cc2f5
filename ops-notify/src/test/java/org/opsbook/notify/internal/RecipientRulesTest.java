package org.opsbook.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opsbook.core.RecipientClass.A;
import static org.opsbook.core.RecipientClass.B;
import static org.opsbook.core.RecipientClass.C;
import static org.opsbook.core.RecipientClass.D;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.FaultNature;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.Person;
import org.opsbook.core.RecipientClass;
import org.opsbook.core.RuleId;
import org.opsbook.core.memory.InMemoryDirectory;
import org.opsbook.core.spi.Directory;
import org.opsbook.notify.MessageType;

class RecipientRulesTest {
  private static final OpsParameters P = OpsParameters.defaults();

  private static FaultFacts facts(FaultNature nature, boolean callCenter, Integer level) {
    FaultFacts.Builder b = FaultFacts.builder().nature(nature).callCenterFault(callCenter);
    if (level != null) {
      b.csComplaintLevel(level);
    }
    return b.build();
  }

  private static RecipientDecision notification(FaultNature nature, boolean callCenter, Integer level) {
    return RecipientRules.forMessage(MessageType.NOTIFICATION, facts(nature, callCenter, level), P);
  }

  @Test
  void NOTIFY_RCPT_01_businessFaultsGoToClassC() {
    RecipientDecision d = notification(FaultNature.BUSINESS, false, null);
    assertThat(d.classes()).containsExactly(C);
    assertThat(d.ruleIds()).containsExactly(RuleId.of("NOTIFY-RCPT-01"));
    assertThat(notification(FaultNature.BUSINESS, true, null).classes())
        .as("the CALLCENTER flag does not change a business fault").containsExactly(C);
  }

  @Test
  void NOTIFY_RCPT_02_systemFaultsGoToClassesABC() {
    RecipientDecision d = notification(FaultNature.SYSTEM, false, null);
    assertThat(d.classes()).containsExactly(A, B, C);
    assertThat(d.ruleIds()).containsExactly(RuleId.of("NOTIFY-RCPT-02"));
  }

  @Test
  void NOTIFY_RCPT_03_callCenterSystemFaultsGoToBAndCWithoutA() {
    RecipientDecision d = notification(FaultNature.SYSTEM, true, null);
    assertThat(d.classes()).containsExactly(B, C).doesNotContain(A);
    assertThat(d.ruleIds()).containsExactly(RuleId.of("NOTIFY-RCPT-03"));
  }

  @Test
  void NOTIFY_RCPT_04_classDOnlyAtComplaintLevelThreeOrHigher_boundary2_3_4() {
    assertThat(notification(FaultNature.SYSTEM, false, 2).classes()).containsExactly(A, B, C);
    assertThat(notification(FaultNature.SYSTEM, false, 3).classes()).containsExactly(A, B, C, D);
    assertThat(notification(FaultNature.SYSTEM, false, 4).classes()).containsExactly(A, B, C, D);
    assertThat(notification(FaultNature.SYSTEM, false, 3).ruleIds())
        .containsExactly(RuleId.of("NOTIFY-RCPT-02"), RuleId.of("NOTIFY-RCPT-04"));
    assertThat(notification(FaultNature.SYSTEM, false, null).classes()).doesNotContain(D);
    assertThat(notification(FaultNature.BUSINESS, false, 3).classes()).as("「发给CD类客户」").containsExactly(C, D);
    assertThat(notification(FaultNature.SYSTEM, true, 3).classes()).containsExactly(B, C, D);
  }

  @Test
  void NOTIFY_RCPT_04_theThresholdIsAParameter() {
    OpsParameters p = OpsParameters.builder().dRecipientsCsLevelMin(4).build();
    assertThat(RecipientRules.forMessage(MessageType.NOTIFICATION, facts(FaultNature.SYSTEM, false, 3), p).classes())
        .doesNotContain(D);
    assertThat(RecipientRules.forMessage(MessageType.NOTIFICATION, facts(FaultNature.SYSTEM, false, 4), p).classes())
        .contains(D);
  }

  @Test
  void NOTIFY_RCPT_04_dIsNeverAddedBelowLevelThree() {
    qt().forAll(booleans().all(), booleans().all(), integers().between(1, 8)).checkAssert((system, cc, level) -> {
      RecipientDecision d = notification(system ? FaultNature.SYSTEM : FaultNature.BUSINESS, cc, level);
      assertThat(d.includes(D)).isEqualTo(level >= 3);
      assertThat(d.includes(C)).as("C always receives").isTrue();
    });
  }

  @Test
  void NOTIFY_RCPT_04_withComplaintLevelRemovesADThatNoLongerApplies() {
    RecipientDecision withD = RecipientDecision.of(Set.of(C, D), Set.of(RuleId.of("NOTIFY-RCPT-01")));
    assertThat(RecipientRules.withComplaintLevel(withD, java.util.OptionalInt.of(2), P).classes()).containsExactly(C);
  }

  @Test
  void NOTIFY_RCPT_08_followUpAndRecoveryGoToTheNotificationsClassesWithDRecomputed() {
    for (MessageType t : List.of(MessageType.FOLLOW_UP, MessageType.RECOVERY)) {
      RecipientDecision d = RecipientRules.forMessage(t, facts(FaultNature.SYSTEM, true, 3), P);
      assertThat(d.classes()).containsExactly(B, C, D);
      assertThat(d.ruleIds()).contains(RuleId.of("NOTIFY-RCPT-08"), RuleId.of("NOTIFY-RCPT-03"),
          RuleId.of("NOTIFY-RCPT-04"));
    }
  }

  @Test
  void BUG_04_theBugNoticeIsPostedSoItHasNoRecipientClasses() {
    RecipientDecision d = RecipientRules.forMessage(MessageType.BUG_NOTICE, FaultFacts.empty(), P);
    assertThat(d.classes()).isEmpty();
    assertThat(d.ruleIds()).containsExactly(RuleId.of("BUG-04"));
  }

  @Test
  void anSmsForAFaultWithoutNatureIsInvalidInput() {
    assertThatThrownBy(() -> RecipientRules.forMessage(MessageType.NOTIFICATION, FaultFacts.empty(), P))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("nature"));
  }

  @Test
  @DisplayName("NOTIFY-RCPT-05 NOTIFY-RCPT-06 NOTIFY-RCPT-07: classes resolve to people through the directory, each person once")
  void NOTIFY_RCPT_05_06_07_classesResolveToPeopleAndNobodyReceivesTwice() {
    Person storeManager = person("p1", A);
    Person ccContact = person("p2", B);
    Person itStaffAndContact = person("p3", B, C);
    Person itStaff = person("p4", C);
    Person classD = person("p5", D);
    InMemoryDirectory dir = InMemoryDirectory.of(List.of(storeManager, ccContact, itStaffAndContact, itStaff, classD));
    assertThat(RecipientRules.resolve(dir, Set.of(A, B, C))).extracting(Person::id)
        .containsExactly("p1", "p2", "p3", "p4");
    assertThat(RecipientRules.resolve(dir, Set.of(B, C))).extracting(Person::id).containsExactly("p2", "p3", "p4");
    assertThat(RecipientRules.resolve(dir, Set.of(C, D))).extracting(Person::id).containsExactly("p3", "p4", "p5");
  }

  @Test
  @DisplayName("a mobile number that two entries of a host's directory share receives the message once")
  void aPhoneTwoEntriesShareReceivesTheMessageOnce() {
    Person roomManager = Person.builder().id("zhaoliu").name("赵六").phone("13800138006").addRecipientClasses(B)
        .build();
    Person sameAsDutyManager = Person.builder().id("zhaoliu-duty").name("赵六").phone("+86 138-0013-8006")
        .addRecipientClasses(C).build();
    Person noPhone = Person.builder().id("p8").name("员工8").addRecipientClasses(C).build();
    Person alsoNoPhone = Person.builder().id("p9").name("员工9").addRecipientClasses(C).build();
    // a host's own directory, which InMemoryDirectory's check of one person, one ID does not guard
    List<Person> all = List.of(roomManager, sameAsDutyManager, noPhone, alsoNoPhone, person("p4", C));
    Directory dir = new Directory() {
      @Override
      public List<Person> members(RecipientClass c) {
        return all.stream().filter(p -> p.recipientClasses().contains(c)).toList();
      }

      @Override
      public java.util.Optional<Person> find(String personId) {
        return all.stream().filter(p -> p.id().equals(personId)).findFirst();
      }

      @Override
      public List<Person> withRole(org.opsbook.core.Role role) {
        return List.of();
      }
    };
    assertThat(RecipientRules.resolve(dir, Set.of(B, C))).extracting(Person::id)
        .containsExactly("zhaoliu", "p8", "p9", "p4");
    assertThat(RecipientRules.resolve(dir, Set.of(C))).as("alone in its class, the second entry stands for the phone")
        .extracting(Person::id).containsExactly("zhaoliu-duty", "p8", "p9", "p4");
  }

  static Person person(String id, RecipientClass... classes) {
    return Person.builder().id(id).name("员工" + id).phone("1380013800" + id.charAt(1)).addRecipientClasses(classes)
        .build();
  }
}
