package org.opsbook.json.internal;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.FaultFacts.Builder;
import org.opsbook.json.internal.Schema.Kind;

/**
 * The {@code FaultFacts} table, generated from what {@code Schema.derive} builds for the type (see
 * {@code FaultFactsJson.derived()}): the same rows, order, kinds and defaults, without reflection or a lambda
 * per row, so that a process reading one document (the command line's {@code classify}) does not derive the
 * table at every start. Do not edit: {@code FaultFactsTableTest} fails when this file differs from what
 * {@code FaultFactsTableSource} generates, and rewrites it when run with {@code -Dopsbook.regenerate=true}.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
final class FaultFactsTable implements Function<FaultFacts, Object>, BiConsumer<Builder, Object> {
  private final int row;

  private FaultFactsTable(int row) {
    this.row = row;
  }

  /** The table, in the order of the generated implementation's fields. */
  static Schema<FaultFacts, Builder> schema() {
    Ends ends = new Ends();
    Schema s = Schema.of(ends, ends);
    s.opt("faultId", Kind.TEXT, new FaultFactsTable(0), new FaultFactsTable(0));
    s.opt("faultStartTime", Kind.TIME, new FaultFactsTable(1), new FaultFactsTable(1));
    s.opt("detectedAt", Kind.TIME, new FaultFactsTable(2), new FaultFactsTable(2));
    s.opt("intakeChannel", Kind.of(org.opsbook.core.IntakeChannel.class, org.opsbook.core.IntakeChannel.values()), new FaultFactsTable(3), new FaultFactsTable(3));
    s.val("selfDiscovered", Kind.BOOL, new FaultFactsTable(4), new FaultFactsTable(4), false);
    s.opt("nature", Kind.of(org.opsbook.core.FaultNature.class, org.opsbook.core.FaultNature.values()), new FaultFactsTable(5), new FaultFactsTable(5));
    s.val("callCenterFault", Kind.BOOL, new FaultFactsTable(6), new FaultFactsTable(6), false);
    s.opt("subjectName", Kind.TEXT, new FaultFactsTable(7), new FaultFactsTable(7));
    s.val("affectsNormalCommunication", Kind.BOOL, new FaultFactsTable(8), new FaultFactsTable(8), false);
    s.val("affectsBusinessOrQuery", Kind.BOOL, new FaultFactsTable(9), new FaultFactsTable(9), false);
    s.val("affectsImportantBusinessOrQuery", Kind.BOOL, new FaultFactsTable(10), new FaultFactsTable(10), false);
    s.val("affectedCustomersConfirmed", Kind.COUNT, new FaultFactsTable(11), new FaultFactsTable(11), 0);
    s.val("affectedCustomersPotential", Kind.COUNT, new FaultFactsTable(12), new FaultFactsTable(12), 0);
    s.val("impactConfirmed", Kind.BOOL, new FaultFactsTable(13), new FaultFactsTable(13), false);
    s.opt("sameFaultCustomerCount", Kind.atLeast(0), new FaultFactsTable(14), new FaultFactsTable(14));
    s.val("hotBusinessOutageMinutes", Kind.AMOUNT, new FaultFactsTable(15), new FaultFactsTable(15), 0.0d);
    s.val("nonHotBusinessOutageMinutes", Kind.AMOUNT, new FaultFactsTable(16), new FaultFactsTable(16), 0.0d);
    s.val("complaintCount", Kind.COUNT, new FaultFactsTable(17), new FaultFactsTable(17), 0);
    s.val("sameTypeComplaintCount", Kind.COUNT, new FaultFactsTable(18), new FaultFactsTable(18), 0);
    s.val("potentialComplaintCount", Kind.COUNT, new FaultFactsTable(19), new FaultFactsTable(19), 0);
    s.opt("csComplaintLevel", Kind.atLeast(1), new FaultFactsTable(20), new FaultFactsTable(20));
    s.opt("csComplaintReceivedAt", Kind.TIME, new FaultFactsTable(21), new FaultFactsTable(21));
    s.val("goldDiamondComplaintsSameIssue", Kind.COUNT, new FaultFactsTable(22), new FaultFactsTable(22), 0);
    s.val("primaryBackupDownSwitchedOk", Kind.BOOL, new FaultFactsTable(23), new FaultFactsTable(23), false);
    s.val("importantEquipmentFault", Kind.BOOL, new FaultFactsTable(24), new FaultFactsTable(24), false);
    s.val("networkOutageScope", Kind.of(org.opsbook.core.NetworkOutageScope.class, org.opsbook.core.NetworkOutageScope.values()), new FaultFactsTable(25), new FaultFactsTable(25), org.opsbook.core.NetworkOutageScope.NONE);
    s.val("keyInterfaceOutageMinutes", Kind.AMOUNT, new FaultFactsTable(26), new FaultFactsTable(26), 0.0d);
    s.val("severeSystemOrDbAlarm", Kind.BOOL, new FaultFactsTable(27), new FaultFactsTable(27), false);
    s.val("efficiencyDegraded", Kind.BOOL, new FaultFactsTable(28), new FaultFactsTable(28), false);
    s.val("waitSecondsPerTransaction", Kind.AMOUNT, new FaultFactsTable(29), new FaultFactsTable(29), 0.0d);
    s.val("dataSetupErrorPotentialUsers", Kind.COUNT, new FaultFactsTable(30), new FaultFactsTable(30), 0);
    s.val("softwareFaultBasicServiceUsers", Kind.COUNT, new FaultFactsTable(31), new FaultFactsTable(31), 0);
    s.val("reportErrorServiceHalls", Kind.COUNT, new FaultFactsTable(32), new FaultFactsTable(32), 0);
    s.val("externalKeyInterfaceFrequentErrors", Kind.BOOL, new FaultFactsTable(33), new FaultFactsTable(33), false);
    s.val("systemParalysed", Kind.BOOL, new FaultFactsTable(34), new FaultFactsTable(34), false);
    s.val("importantModuleOutageMinutes", Kind.AMOUNT, new FaultFactsTable(35), new FaultFactsTable(35), 0.0d);
    s.val("seriousBusinessErrorUsers", Kind.COUNT, new FaultFactsTable(36), new FaultFactsTable(36), 0);
    s.val("manualLevelAssessment", Kind.of(org.opsbook.core.Level.class, org.opsbook.core.Level.values()), new FaultFactsTable(37), new FaultFactsTable(37), org.opsbook.core.Level.NONE);
    s.opt("manualLevelJustification", Kind.TEXT, new FaultFactsTable(38), new FaultFactsTable(38));
    s.val("systemLevelFault", Kind.BOOL, new FaultFactsTable(39), new FaultFactsTable(39), false);
    s.val("systemLevelFaultMinutes", Kind.AMOUNT, new FaultFactsTable(40), new FaultFactsTable(40), 0.0d);
    s.val("systemLevelFaultExpectedMinutes", Kind.AMOUNT, new FaultFactsTable(41), new FaultFactsTable(41), 0.0d);
    s.val("functionOutage", Kind.BOOL, new FaultFactsTable(42), new FaultFactsTable(42), false);
    s.val("functionOutageMinutes", Kind.AMOUNT, new FaultFactsTable(43), new FaultFactsTable(43), 0.0d);
    s.val("functionOutageExpectedMinutes", Kind.AMOUNT, new FaultFactsTable(44), new FaultFactsTable(44), 0.0d);
    s.opt("reportedToDeveloperAt", Kind.TIME, new FaultFactsTable(45), new FaultFactsTable(45));
    s.opt("reportedToProvinceAt", Kind.TIME, new FaultFactsTable(46), new FaultFactsTable(46));
    s.opt("lastSubstantiveProgressAt", Kind.TIME, new FaultFactsTable(47), new FaultFactsTable(47));
    s.val("faultLocated", Kind.BOOL, new FaultFactsTable(48), new FaultFactsTable(48), false);
    s.val("resolutionTimeConfirmed", Kind.BOOL, new FaultFactsTable(49), new FaultFactsTable(49), false);
    s.val("developerCanStateImpactConfirmationTime", Kind.BOOL, new FaultFactsTable(50), new FaultFactsTable(50), false);
    s.val("impactConfirmationProgressSatisfactory", Kind.BOOL, new FaultFactsTable(51), new FaultFactsTable(51), false);
    s.val("responsibleUnit", Kind.of(org.opsbook.core.ResponsibleUnit.class, org.opsbook.core.ResponsibleUnit.values()), new FaultFactsTable(52), new FaultFactsTable(52), org.opsbook.core.ResponsibleUnit.OWN_ROOM);
    s.val("affectsOwnSystemsOrAcceptance", Kind.BOOL, new FaultFactsTable(53), new FaultFactsTable(53), false);
    s.val("softwareProblemSuspected", Kind.BOOL, new FaultFactsTable(54), new FaultFactsTable(54), false);
    s.val("softwareVersionDefectConfirmed", Kind.BOOL, new FaultFactsTable(55), new FaultFactsTable(55), false);
    s.val("programBug", Kind.BOOL, new FaultFactsTable(56), new FaultFactsTable(56), false);
    s.val("needsDevelopmentUpload", Kind.BOOL, new FaultFactsTable(57), new FaultFactsTable(57), false);
    s.val("mainFaultPointInProvince", Kind.BOOL, new FaultFactsTable(58), new FaultFactsTable(58), false);
    s.val("involvesBillingOrBank", Kind.BOOL, new FaultFactsTable(59), new FaultFactsTable(59), false);
    s.val("affectsBatchBusiness", Kind.BOOL, new FaultFactsTable(60), new FaultFactsTable(60), false);
    s.val("isMajorFault", Kind.BOOL, new FaultFactsTable(61), new FaultFactsTable(61), false);
    s.val("cannotSelfResolve", Kind.BOOL, new FaultFactsTable(62), new FaultFactsTable(62), false);
    s.opt("repairedAt", Kind.TIME, new FaultFactsTable(63), new FaultFactsTable(63));
    s.opt("reportedToRoomManagerAt", Kind.TIME, new FaultFactsTable(64), new FaultFactsTable(64));
    s.opt("lastRoomManagerProgressAt", Kind.TIME, new FaultFactsTable(65), new FaultFactsTable(65));
    s.opt("reportedToCenterManagerAt", Kind.TIME, new FaultFactsTable(66), new FaultFactsTable(66));
    s.opt("amsFaultNo", Kind.TEXT, new FaultFactsTable(67), new FaultFactsTable(67));
    s.opt("provinceDutyNotifiedAt", Kind.TIME, new FaultFactsTable(68), new FaultFactsTable(68));
    s.opt("amsDevTicketNo", Kind.TEXT, new FaultFactsTable(69), new FaultFactsTable(69));
    s.opt("csCenterLevel1SmsSentAt", Kind.TIME, new FaultFactsTable(70), new FaultFactsTable(70));
    s.opt("notificationSentAt", Kind.TIME, new FaultFactsTable(71), new FaultFactsTable(71));
    s.val("commFailureComplainingCustomers", Kind.COUNT, new FaultFactsTable(72), new FaultFactsTable(72), 0);
    s.val("commFailurePotentialCustomers", Kind.COUNT, new FaultFactsTable(73), new FaultFactsTable(73), 0);
    s.val("restorableByHlrResetAtComplaint", Kind.BOOL, new FaultFactsTable(74), new FaultFactsTable(74), false);
    s.val("wrongSuspensionComplainingCustomers", Kind.COUNT, new FaultFactsTable(75), new FaultFactsTable(75), 0);
    s.val("wrongSuspensionPotentialCustomers", Kind.COUNT, new FaultFactsTable(76), new FaultFactsTable(76), 0);
    s.val("accountAnomalyComplainingCustomers", Kind.COUNT, new FaultFactsTable(77), new FaultFactsTable(77), 0);
    s.val("accountAnomalyPotentialCustomers", Kind.COUNT, new FaultFactsTable(78), new FaultFactsTable(78), 0);
    s.val("selfServiceBillListOutageMinutes", Kind.AMOUNT, new FaultFactsTable(79), new FaultFactsTable(79), 0.0d);
    s.val("loginOutageMinutes", Kind.amountsBy(org.opsbook.core.FaultFacts.LoginSystem.class, org.opsbook.core.FaultFacts.LoginSystem.values()), new FaultFactsTable(80), new FaultFactsTable(80), Map.of());
    s.val("importantDataLost", Kind.BOOL, new FaultFactsTable(81), new FaultFactsTable(81), false);
    s.opt("dataLossAt", Kind.TIME, new FaultFactsTable(82), new FaultFactsTable(82));
    s.val("dataLossSolutionConfirmed", Kind.BOOL, new FaultFactsTable(83), new FaultFactsTable(83), false);
    s.val("redListCustomersAffected", Kind.COUNT, new FaultFactsTable(84), new FaultFactsTable(84), 0);
    s.val("loginInstabilityFaultsThisMonth", Kind.COUNT, new FaultFactsTable(85), new FaultFactsTable(85), 0);
    s.val("selfServiceLoginFaultsThisMonth", Kind.COUNT, new FaultFactsTable(86), new FaultFactsTable(86), 0);
    s.val("coreInterfaceFullOutageMinutes", Kind.amountsBy(org.opsbook.core.FaultFacts.CoreInterface.class, org.opsbook.core.FaultFacts.CoreInterface.values()), new FaultFactsTable(87), new FaultFactsTable(87), Map.of());
    return s;
  }

  private static Optional<Integer> boxed(OptionalInt v) {
    return v.isPresent() ? Optional.of(v.getAsInt()) : Optional.empty();
  }

  /** The row's value of {@code t}. */
  @Override
  public Object apply(FaultFacts t) {
    switch (row) {
      case 0: return t.faultId();
      case 1: return t.faultStartTime();
      case 2: return t.detectedAt();
      case 3: return t.intakeChannel();
      case 4: return t.selfDiscovered();
      case 5: return t.nature();
      case 6: return t.callCenterFault();
      case 7: return t.subjectName();
      case 8: return t.affectsNormalCommunication();
      case 9: return t.affectsBusinessOrQuery();
      case 10: return t.affectsImportantBusinessOrQuery();
      case 11: return t.affectedCustomersConfirmed();
      case 12: return t.affectedCustomersPotential();
      case 13: return t.impactConfirmed();
      case 14: return boxed(t.sameFaultCustomerCount());
      case 15: return t.hotBusinessOutageMinutes();
      case 16: return t.nonHotBusinessOutageMinutes();
      case 17: return t.complaintCount();
      case 18: return t.sameTypeComplaintCount();
      case 19: return t.potentialComplaintCount();
      case 20: return boxed(t.csComplaintLevel());
      case 21: return t.csComplaintReceivedAt();
      case 22: return t.goldDiamondComplaintsSameIssue();
      case 23: return t.primaryBackupDownSwitchedOk();
      case 24: return t.importantEquipmentFault();
      case 25: return t.networkOutageScope();
      case 26: return t.keyInterfaceOutageMinutes();
      case 27: return t.severeSystemOrDbAlarm();
      case 28: return t.efficiencyDegraded();
      case 29: return t.waitSecondsPerTransaction();
      case 30: return t.dataSetupErrorPotentialUsers();
      case 31: return t.softwareFaultBasicServiceUsers();
      case 32: return t.reportErrorServiceHalls();
      case 33: return t.externalKeyInterfaceFrequentErrors();
      case 34: return t.systemParalysed();
      case 35: return t.importantModuleOutageMinutes();
      case 36: return t.seriousBusinessErrorUsers();
      case 37: return t.manualLevelAssessment();
      case 38: return t.manualLevelJustification();
      case 39: return t.systemLevelFault();
      case 40: return t.systemLevelFaultMinutes();
      case 41: return t.systemLevelFaultExpectedMinutes();
      case 42: return t.functionOutage();
      case 43: return t.functionOutageMinutes();
      case 44: return t.functionOutageExpectedMinutes();
      case 45: return t.reportedToDeveloperAt();
      case 46: return t.reportedToProvinceAt();
      case 47: return t.lastSubstantiveProgressAt();
      case 48: return t.faultLocated();
      case 49: return t.resolutionTimeConfirmed();
      case 50: return t.developerCanStateImpactConfirmationTime();
      case 51: return t.impactConfirmationProgressSatisfactory();
      case 52: return t.responsibleUnit();
      case 53: return t.affectsOwnSystemsOrAcceptance();
      case 54: return t.softwareProblemSuspected();
      case 55: return t.softwareVersionDefectConfirmed();
      case 56: return t.programBug();
      case 57: return t.needsDevelopmentUpload();
      case 58: return t.mainFaultPointInProvince();
      case 59: return t.involvesBillingOrBank();
      case 60: return t.affectsBatchBusiness();
      case 61: return t.isMajorFault();
      case 62: return t.cannotSelfResolve();
      case 63: return t.repairedAt();
      case 64: return t.reportedToRoomManagerAt();
      case 65: return t.lastRoomManagerProgressAt();
      case 66: return t.reportedToCenterManagerAt();
      case 67: return t.amsFaultNo();
      case 68: return t.provinceDutyNotifiedAt();
      case 69: return t.amsDevTicketNo();
      case 70: return t.csCenterLevel1SmsSentAt();
      case 71: return t.notificationSentAt();
      case 72: return t.commFailureComplainingCustomers();
      case 73: return t.commFailurePotentialCustomers();
      case 74: return t.restorableByHlrResetAtComplaint();
      case 75: return t.wrongSuspensionComplainingCustomers();
      case 76: return t.wrongSuspensionPotentialCustomers();
      case 77: return t.accountAnomalyComplainingCustomers();
      case 78: return t.accountAnomalyPotentialCustomers();
      case 79: return t.selfServiceBillListOutageMinutes();
      case 80: return t.loginOutageMinutes();
      case 81: return t.importantDataLost();
      case 82: return t.dataLossAt();
      case 83: return t.dataLossSolutionConfirmed();
      case 84: return t.redListCustomersAffected();
      case 85: return t.loginInstabilityFaultsThisMonth();
      case 86: return t.selfServiceLoginFaultsThisMonth();
      case 87: return t.coreInterfaceFullOutageMinutes();
      default: throw new IllegalStateException("no row " + row);
    }
  }

  /** Sets the row's value {@code v} on {@code b}. */
  @Override
  public void accept(Builder b, Object v) {
    switch (row) {
      case 0: b.faultId((String) v); return;
      case 1: b.faultStartTime((java.time.Instant) v); return;
      case 2: b.detectedAt((java.time.Instant) v); return;
      case 3: b.intakeChannel((org.opsbook.core.IntakeChannel) v); return;
      case 4: b.selfDiscovered((Boolean) v); return;
      case 5: b.nature((org.opsbook.core.FaultNature) v); return;
      case 6: b.callCenterFault((Boolean) v); return;
      case 7: b.subjectName((String) v); return;
      case 8: b.affectsNormalCommunication((Boolean) v); return;
      case 9: b.affectsBusinessOrQuery((Boolean) v); return;
      case 10: b.affectsImportantBusinessOrQuery((Boolean) v); return;
      case 11: b.affectedCustomersConfirmed((Integer) v); return;
      case 12: b.affectedCustomersPotential((Integer) v); return;
      case 13: b.impactConfirmed((Boolean) v); return;
      case 14: b.sameFaultCustomerCount((Integer) v); return;
      case 15: b.hotBusinessOutageMinutes((Double) v); return;
      case 16: b.nonHotBusinessOutageMinutes((Double) v); return;
      case 17: b.complaintCount((Integer) v); return;
      case 18: b.sameTypeComplaintCount((Integer) v); return;
      case 19: b.potentialComplaintCount((Integer) v); return;
      case 20: b.csComplaintLevel((Integer) v); return;
      case 21: b.csComplaintReceivedAt((java.time.Instant) v); return;
      case 22: b.goldDiamondComplaintsSameIssue((Integer) v); return;
      case 23: b.primaryBackupDownSwitchedOk((Boolean) v); return;
      case 24: b.importantEquipmentFault((Boolean) v); return;
      case 25: b.networkOutageScope((org.opsbook.core.NetworkOutageScope) v); return;
      case 26: b.keyInterfaceOutageMinutes((Double) v); return;
      case 27: b.severeSystemOrDbAlarm((Boolean) v); return;
      case 28: b.efficiencyDegraded((Boolean) v); return;
      case 29: b.waitSecondsPerTransaction((Double) v); return;
      case 30: b.dataSetupErrorPotentialUsers((Integer) v); return;
      case 31: b.softwareFaultBasicServiceUsers((Integer) v); return;
      case 32: b.reportErrorServiceHalls((Integer) v); return;
      case 33: b.externalKeyInterfaceFrequentErrors((Boolean) v); return;
      case 34: b.systemParalysed((Boolean) v); return;
      case 35: b.importantModuleOutageMinutes((Double) v); return;
      case 36: b.seriousBusinessErrorUsers((Integer) v); return;
      case 37: b.manualLevelAssessment((org.opsbook.core.Level) v); return;
      case 38: b.manualLevelJustification((String) v); return;
      case 39: b.systemLevelFault((Boolean) v); return;
      case 40: b.systemLevelFaultMinutes((Double) v); return;
      case 41: b.systemLevelFaultExpectedMinutes((Double) v); return;
      case 42: b.functionOutage((Boolean) v); return;
      case 43: b.functionOutageMinutes((Double) v); return;
      case 44: b.functionOutageExpectedMinutes((Double) v); return;
      case 45: b.reportedToDeveloperAt((java.time.Instant) v); return;
      case 46: b.reportedToProvinceAt((java.time.Instant) v); return;
      case 47: b.lastSubstantiveProgressAt((java.time.Instant) v); return;
      case 48: b.faultLocated((Boolean) v); return;
      case 49: b.resolutionTimeConfirmed((Boolean) v); return;
      case 50: b.developerCanStateImpactConfirmationTime((Boolean) v); return;
      case 51: b.impactConfirmationProgressSatisfactory((Boolean) v); return;
      case 52: b.responsibleUnit((org.opsbook.core.ResponsibleUnit) v); return;
      case 53: b.affectsOwnSystemsOrAcceptance((Boolean) v); return;
      case 54: b.softwareProblemSuspected((Boolean) v); return;
      case 55: b.softwareVersionDefectConfirmed((Boolean) v); return;
      case 56: b.programBug((Boolean) v); return;
      case 57: b.needsDevelopmentUpload((Boolean) v); return;
      case 58: b.mainFaultPointInProvince((Boolean) v); return;
      case 59: b.involvesBillingOrBank((Boolean) v); return;
      case 60: b.affectsBatchBusiness((Boolean) v); return;
      case 61: b.isMajorFault((Boolean) v); return;
      case 62: b.cannotSelfResolve((Boolean) v); return;
      case 63: b.repairedAt((java.time.Instant) v); return;
      case 64: b.reportedToRoomManagerAt((java.time.Instant) v); return;
      case 65: b.lastRoomManagerProgressAt((java.time.Instant) v); return;
      case 66: b.reportedToCenterManagerAt((java.time.Instant) v); return;
      case 67: b.amsFaultNo((String) v); return;
      case 68: b.provinceDutyNotifiedAt((java.time.Instant) v); return;
      case 69: b.amsDevTicketNo((String) v); return;
      case 70: b.csCenterLevel1SmsSentAt((java.time.Instant) v); return;
      case 71: b.notificationSentAt((java.time.Instant) v); return;
      case 72: b.commFailureComplainingCustomers((Integer) v); return;
      case 73: b.commFailurePotentialCustomers((Integer) v); return;
      case 74: b.restorableByHlrResetAtComplaint((Boolean) v); return;
      case 75: b.wrongSuspensionComplainingCustomers((Integer) v); return;
      case 76: b.wrongSuspensionPotentialCustomers((Integer) v); return;
      case 77: b.accountAnomalyComplainingCustomers((Integer) v); return;
      case 78: b.accountAnomalyPotentialCustomers((Integer) v); return;
      case 79: b.selfServiceBillListOutageMinutes((Double) v); return;
      case 80: b.putAllLoginOutageMinutes((Map) v); return;
      case 81: b.importantDataLost((Boolean) v); return;
      case 82: b.dataLossAt((java.time.Instant) v); return;
      case 83: b.dataLossSolutionConfirmed((Boolean) v); return;
      case 84: b.redListCustomersAffected((Integer) v); return;
      case 85: b.loginInstabilityFaultsThisMonth((Integer) v); return;
      case 86: b.selfServiceLoginFaultsThisMonth((Integer) v); return;
      case 87: b.putAllCoreInterfaceFullOutageMinutes((Map) v); return;
      default: throw new IllegalStateException("no row " + row);
    }
  }

  /** A new builder, and the building of one: a class, not two method references to link at start. */
  private static final class Ends implements Supplier<Builder>, Function<Builder, FaultFacts> {
    @Override
    public Builder get() {
      return FaultFacts.builder();
    }

    @Override
    public FaultFacts apply(Builder b) {
      return b.build();
    }
  }
}
