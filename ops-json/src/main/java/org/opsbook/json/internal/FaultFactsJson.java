package org.opsbook.json.internal;

import org.opsbook.json.JsonFields;
import org.opsbook.json.Timestamps;
import org.opsbook.json.OpsJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableSet;
import java.time.ZoneId;
import java.util.Set;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.CoreInterface;
import org.opsbook.core.FaultNature;
import org.opsbook.core.IntakeChannel;
import org.opsbook.core.Level;
import org.opsbook.core.LoginSystem;
import org.opsbook.core.NetworkOutageScope;
import org.opsbook.core.ResponsibleUnit;

/**
 * Reads and writes {@link FaultFacts} as the decision API's {@code FaultFacts} object: field names are the fact
 * names of rules-catalog §2.1 and §2.2; an absent fact takes its neutral default; an unknown field, a wrong type, a
 * negative count or duration, or a timestamp without an offset is invalid input naming the field's path.
 */
public final class FaultFactsJson {
  /** Every field a {@code FaultFacts} object may have. */
  public static final Set<String> FIELDS = ImmutableSet.of(
      "faultId",
      "faultStartTime",
      "detectedAt",
      "intakeChannel",
      "selfDiscovered",
      "nature",
      "callCenterFault",
      "subjectName",
      "affectsNormalCommunication",
      "affectsBusinessOrQuery",
      "affectsImportantBusinessOrQuery",
      "affectedCustomersConfirmed",
      "affectedCustomersPotential",
      "impactConfirmed",
      "sameFaultCustomerCount",
      "hotBusinessOutageMinutes",
      "nonHotBusinessOutageMinutes",
      "complaintCount",
      "sameTypeComplaintCount",
      "potentialComplaintCount",
      "csComplaintLevel",
      "csComplaintReceivedAt",
      "goldDiamondComplaintsSameIssue",
      "primaryBackupDownSwitchedOk",
      "importantEquipmentFault",
      "networkOutageScope",
      "keyInterfaceOutageMinutes",
      "severeSystemOrDbAlarm",
      "efficiencyDegraded",
      "waitSecondsPerTransaction",
      "dataSetupErrorPotentialUsers",
      "softwareFaultBasicServiceUsers",
      "reportErrorServiceHalls",
      "externalKeyInterfaceFrequentErrors",
      "systemParalysed",
      "importantModuleOutageMinutes",
      "seriousBusinessErrorUsers",
      "manualLevelAssessment",
      "manualLevelJustification",
      "systemLevelFault",
      "systemLevelFaultMinutes",
      "systemLevelFaultExpectedMinutes",
      "functionOutage",
      "functionOutageMinutes",
      "functionOutageExpectedMinutes",
      "reportedToDeveloperAt",
      "reportedToProvinceAt",
      "lastSubstantiveProgressAt",
      "faultLocated",
      "resolutionTimeConfirmed",
      "developerCanStateImpactConfirmationTime",
      "impactConfirmationProgressSatisfactory",
      "responsibleUnit",
      "affectsOwnSystemsOrAcceptance",
      "softwareProblemSuspected",
      "softwareVersionDefectConfirmed",
      "programBug",
      "needsDevelopmentUpload",
      "mainFaultPointInProvince",
      "involvesBillingOrBank",
      "affectsBatchBusiness",
      "isMajorFault",
      "cannotSelfResolve",
      "repairedAt",
      "reportedToRoomManagerAt",
      "lastRoomManagerProgressAt",
      "reportedToCenterManagerAt",
      "amsFaultNo",
      "provinceDutyNotifiedAt",
      "amsDevTicketNo",
      "csCenterLevel1SmsSentAt",
      "notificationSentAt",
      "commFailureComplainingCustomers",
      "commFailurePotentialCustomers",
      "restorableByHlrResetAtComplaint",
      "wrongSuspensionComplainingCustomers",
      "wrongSuspensionPotentialCustomers",
      "accountAnomalyComplainingCustomers",
      "accountAnomalyPotentialCustomers",
      "selfServiceBillListOutageMinutes",
      "loginOutageMinutes",
      "importantDataLost",
      "dataLossAt",
      "dataLossSolutionConfirmed",
      "redListCustomersAffected",
      "loginInstabilityFaultsThisMonth",
      "selfServiceLoginFaultsThisMonth",
      "coreInterfaceFullOutageMinutes");

  private FaultFactsJson() {}

  /**
   * Reads facts from a JSON object.
   *
   * @param node the object
   * @param path its JSON path, e.g. {@code facts} ({@code ""} for a root document)
   * @throws InvalidInputException naming the offending field
   */
  public static FaultFacts read(JsonNode node, String path) {
    return read(JsonFields.of(node, path, FIELDS));
  }

  /** Reads facts from an object already opened with {@link #FIELDS} (or a superset). */
  public static FaultFacts read(JsonFields f) {
    FaultFacts.Builder b = FaultFacts.builder();
    f.string("faultId").ifPresent(b::faultId);
    f.timestamp("faultStartTime").ifPresent(b::faultStartTime);
    f.timestamp("detectedAt").ifPresent(b::detectedAt);
    f.enumValue("intakeChannel", IntakeChannel.class).ifPresent(b::intakeChannel);
    if (f.has("selfDiscovered")) {
      b.selfDiscovered(f.bool("selfDiscovered"));
    }
    f.enumValue("nature", FaultNature.class).ifPresent(b::nature);
    if (f.has("callCenterFault")) {
      b.callCenterFault(f.bool("callCenterFault"));
    }
    f.string("subjectName").ifPresent(b::subjectName);
    if (f.has("affectsNormalCommunication")) {
      b.affectsNormalCommunication(f.bool("affectsNormalCommunication"));
    }
    if (f.has("affectsBusinessOrQuery")) {
      b.affectsBusinessOrQuery(f.bool("affectsBusinessOrQuery"));
    }
    if (f.has("affectsImportantBusinessOrQuery")) {
      b.affectsImportantBusinessOrQuery(f.bool("affectsImportantBusinessOrQuery"));
    }
    if (f.has("affectedCustomersConfirmed")) {
      b.affectedCustomersConfirmed(f.count("affectedCustomersConfirmed"));
    }
    if (f.has("affectedCustomersPotential")) {
      b.affectedCustomersPotential(f.count("affectedCustomersPotential"));
    }
    if (f.has("impactConfirmed")) {
      b.impactConfirmed(f.bool("impactConfirmed"));
    }
    f.optionalInt("sameFaultCustomerCount", 0).ifPresent(b::sameFaultCustomerCount);
    if (f.has("hotBusinessOutageMinutes")) {
      b.hotBusinessOutageMinutes(f.amount("hotBusinessOutageMinutes"));
    }
    if (f.has("nonHotBusinessOutageMinutes")) {
      b.nonHotBusinessOutageMinutes(f.amount("nonHotBusinessOutageMinutes"));
    }
    if (f.has("complaintCount")) {
      b.complaintCount(f.count("complaintCount"));
    }
    if (f.has("sameTypeComplaintCount")) {
      b.sameTypeComplaintCount(f.count("sameTypeComplaintCount"));
    }
    if (f.has("potentialComplaintCount")) {
      b.potentialComplaintCount(f.count("potentialComplaintCount"));
    }
    f.optionalInt("csComplaintLevel", 1).ifPresent(b::csComplaintLevel);
    f.timestamp("csComplaintReceivedAt").ifPresent(b::csComplaintReceivedAt);
    if (f.has("goldDiamondComplaintsSameIssue")) {
      b.goldDiamondComplaintsSameIssue(f.count("goldDiamondComplaintsSameIssue"));
    }
    if (f.has("primaryBackupDownSwitchedOk")) {
      b.primaryBackupDownSwitchedOk(f.bool("primaryBackupDownSwitchedOk"));
    }
    if (f.has("importantEquipmentFault")) {
      b.importantEquipmentFault(f.bool("importantEquipmentFault"));
    }
    f.enumValue("networkOutageScope", NetworkOutageScope.class).ifPresent(b::networkOutageScope);
    if (f.has("keyInterfaceOutageMinutes")) {
      b.keyInterfaceOutageMinutes(f.amount("keyInterfaceOutageMinutes"));
    }
    if (f.has("severeSystemOrDbAlarm")) {
      b.severeSystemOrDbAlarm(f.bool("severeSystemOrDbAlarm"));
    }
    if (f.has("efficiencyDegraded")) {
      b.efficiencyDegraded(f.bool("efficiencyDegraded"));
    }
    if (f.has("waitSecondsPerTransaction")) {
      b.waitSecondsPerTransaction(f.amount("waitSecondsPerTransaction"));
    }
    if (f.has("dataSetupErrorPotentialUsers")) {
      b.dataSetupErrorPotentialUsers(f.count("dataSetupErrorPotentialUsers"));
    }
    if (f.has("softwareFaultBasicServiceUsers")) {
      b.softwareFaultBasicServiceUsers(f.count("softwareFaultBasicServiceUsers"));
    }
    if (f.has("reportErrorServiceHalls")) {
      b.reportErrorServiceHalls(f.count("reportErrorServiceHalls"));
    }
    if (f.has("externalKeyInterfaceFrequentErrors")) {
      b.externalKeyInterfaceFrequentErrors(f.bool("externalKeyInterfaceFrequentErrors"));
    }
    if (f.has("systemParalysed")) {
      b.systemParalysed(f.bool("systemParalysed"));
    }
    if (f.has("importantModuleOutageMinutes")) {
      b.importantModuleOutageMinutes(f.amount("importantModuleOutageMinutes"));
    }
    if (f.has("seriousBusinessErrorUsers")) {
      b.seriousBusinessErrorUsers(f.count("seriousBusinessErrorUsers"));
    }
    f.enumValue("manualLevelAssessment", Level.class).ifPresent(b::manualLevelAssessment);
    f.string("manualLevelJustification").ifPresent(b::manualLevelJustification);
    if (f.has("systemLevelFault")) {
      b.systemLevelFault(f.bool("systemLevelFault"));
    }
    if (f.has("systemLevelFaultMinutes")) {
      b.systemLevelFaultMinutes(f.amount("systemLevelFaultMinutes"));
    }
    if (f.has("systemLevelFaultExpectedMinutes")) {
      b.systemLevelFaultExpectedMinutes(f.amount("systemLevelFaultExpectedMinutes"));
    }
    if (f.has("functionOutage")) {
      b.functionOutage(f.bool("functionOutage"));
    }
    if (f.has("functionOutageMinutes")) {
      b.functionOutageMinutes(f.amount("functionOutageMinutes"));
    }
    if (f.has("functionOutageExpectedMinutes")) {
      b.functionOutageExpectedMinutes(f.amount("functionOutageExpectedMinutes"));
    }
    f.timestamp("reportedToDeveloperAt").ifPresent(b::reportedToDeveloperAt);
    f.timestamp("reportedToProvinceAt").ifPresent(b::reportedToProvinceAt);
    f.timestamp("lastSubstantiveProgressAt").ifPresent(b::lastSubstantiveProgressAt);
    if (f.has("faultLocated")) {
      b.faultLocated(f.bool("faultLocated"));
    }
    if (f.has("resolutionTimeConfirmed")) {
      b.resolutionTimeConfirmed(f.bool("resolutionTimeConfirmed"));
    }
    if (f.has("developerCanStateImpactConfirmationTime")) {
      b.developerCanStateImpactConfirmationTime(f.bool("developerCanStateImpactConfirmationTime"));
    }
    if (f.has("impactConfirmationProgressSatisfactory")) {
      b.impactConfirmationProgressSatisfactory(f.bool("impactConfirmationProgressSatisfactory"));
    }
    f.enumValue("responsibleUnit", ResponsibleUnit.class).ifPresent(b::responsibleUnit);
    if (f.has("affectsOwnSystemsOrAcceptance")) {
      b.affectsOwnSystemsOrAcceptance(f.bool("affectsOwnSystemsOrAcceptance"));
    }
    if (f.has("softwareProblemSuspected")) {
      b.softwareProblemSuspected(f.bool("softwareProblemSuspected"));
    }
    if (f.has("softwareVersionDefectConfirmed")) {
      b.softwareVersionDefectConfirmed(f.bool("softwareVersionDefectConfirmed"));
    }
    if (f.has("programBug")) {
      b.programBug(f.bool("programBug"));
    }
    if (f.has("needsDevelopmentUpload")) {
      b.needsDevelopmentUpload(f.bool("needsDevelopmentUpload"));
    }
    if (f.has("mainFaultPointInProvince")) {
      b.mainFaultPointInProvince(f.bool("mainFaultPointInProvince"));
    }
    if (f.has("involvesBillingOrBank")) {
      b.involvesBillingOrBank(f.bool("involvesBillingOrBank"));
    }
    if (f.has("affectsBatchBusiness")) {
      b.affectsBatchBusiness(f.bool("affectsBatchBusiness"));
    }
    if (f.has("isMajorFault")) {
      b.isMajorFault(f.bool("isMajorFault"));
    }
    if (f.has("cannotSelfResolve")) {
      b.cannotSelfResolve(f.bool("cannotSelfResolve"));
    }
    f.timestamp("repairedAt").ifPresent(b::repairedAt);
    f.timestamp("reportedToRoomManagerAt").ifPresent(b::reportedToRoomManagerAt);
    f.timestamp("lastRoomManagerProgressAt").ifPresent(b::lastRoomManagerProgressAt);
    f.timestamp("reportedToCenterManagerAt").ifPresent(b::reportedToCenterManagerAt);
    f.string("amsFaultNo").ifPresent(b::amsFaultNo);
    f.timestamp("provinceDutyNotifiedAt").ifPresent(b::provinceDutyNotifiedAt);
    f.string("amsDevTicketNo").ifPresent(b::amsDevTicketNo);
    f.timestamp("csCenterLevel1SmsSentAt").ifPresent(b::csCenterLevel1SmsSentAt);
    f.timestamp("notificationSentAt").ifPresent(b::notificationSentAt);
    if (f.has("commFailureComplainingCustomers")) {
      b.commFailureComplainingCustomers(f.count("commFailureComplainingCustomers"));
    }
    if (f.has("commFailurePotentialCustomers")) {
      b.commFailurePotentialCustomers(f.count("commFailurePotentialCustomers"));
    }
    if (f.has("restorableByHlrResetAtComplaint")) {
      b.restorableByHlrResetAtComplaint(f.bool("restorableByHlrResetAtComplaint"));
    }
    if (f.has("wrongSuspensionComplainingCustomers")) {
      b.wrongSuspensionComplainingCustomers(f.count("wrongSuspensionComplainingCustomers"));
    }
    if (f.has("wrongSuspensionPotentialCustomers")) {
      b.wrongSuspensionPotentialCustomers(f.count("wrongSuspensionPotentialCustomers"));
    }
    if (f.has("accountAnomalyComplainingCustomers")) {
      b.accountAnomalyComplainingCustomers(f.count("accountAnomalyComplainingCustomers"));
    }
    if (f.has("accountAnomalyPotentialCustomers")) {
      b.accountAnomalyPotentialCustomers(f.count("accountAnomalyPotentialCustomers"));
    }
    if (f.has("selfServiceBillListOutageMinutes")) {
      b.selfServiceBillListOutageMinutes(f.amount("selfServiceBillListOutageMinutes"));
    }
    f.optionalObject("loginOutageMinutes", names(LoginSystem.class)).ifPresent(m -> {
      for (LoginSystem k : LoginSystem.values()) {
        if (m.has(k.name())) {
          b.putLoginOutageMinutes(k, m.amount(k.name()));
        }
      }
    });
    if (f.has("importantDataLost")) {
      b.importantDataLost(f.bool("importantDataLost"));
    }
    f.timestamp("dataLossAt").ifPresent(b::dataLossAt);
    if (f.has("dataLossSolutionConfirmed")) {
      b.dataLossSolutionConfirmed(f.bool("dataLossSolutionConfirmed"));
    }
    if (f.has("redListCustomersAffected")) {
      b.redListCustomersAffected(f.count("redListCustomersAffected"));
    }
    if (f.has("loginInstabilityFaultsThisMonth")) {
      b.loginInstabilityFaultsThisMonth(f.count("loginInstabilityFaultsThisMonth"));
    }
    if (f.has("selfServiceLoginFaultsThisMonth")) {
      b.selfServiceLoginFaultsThisMonth(f.count("selfServiceLoginFaultsThisMonth"));
    }
    f.optionalObject("coreInterfaceFullOutageMinutes", names(CoreInterface.class)).ifPresent(m -> {
      for (CoreInterface k : CoreInterface.values()) {
        if (m.has(k.name())) {
          b.putCoreInterfaceFullOutageMinutes(k, m.amount(k.name()));
        }
      }
    });
    try {
      return b.build();
    } catch (InvalidInputException e) {
      throw e.under(f.path());
    }
  }

  /** Writes the facts that differ from their neutral default, timestamps in {@code zone}. */
  public static ObjectNode write(FaultFacts facts, ZoneId zone) {
    ObjectNode o = OpsJson.object();
    facts.faultId().ifPresent(v -> o.put("faultId", v));
    facts.faultStartTime().ifPresent(v -> o.put("faultStartTime", Timestamps.format(v, zone)));
    facts.detectedAt().ifPresent(v -> o.put("detectedAt", Timestamps.format(v, zone)));
    facts.intakeChannel().ifPresent(v -> o.put("intakeChannel", v.name()));
    if (facts.selfDiscovered()) {
      o.put("selfDiscovered", true);
    }
    facts.nature().ifPresent(v -> o.put("nature", v.name()));
    if (facts.callCenterFault()) {
      o.put("callCenterFault", true);
    }
    facts.subjectName().ifPresent(v -> o.put("subjectName", v));
    if (facts.affectsNormalCommunication()) {
      o.put("affectsNormalCommunication", true);
    }
    if (facts.affectsBusinessOrQuery()) {
      o.put("affectsBusinessOrQuery", true);
    }
    if (facts.affectsImportantBusinessOrQuery()) {
      o.put("affectsImportantBusinessOrQuery", true);
    }
    if (facts.affectedCustomersConfirmed() != 0) {
      o.put("affectedCustomersConfirmed", facts.affectedCustomersConfirmed());
    }
    if (facts.affectedCustomersPotential() != 0) {
      o.put("affectedCustomersPotential", facts.affectedCustomersPotential());
    }
    if (facts.impactConfirmed()) {
      o.put("impactConfirmed", true);
    }
    facts.sameFaultCustomerCount().ifPresent(v -> o.put("sameFaultCustomerCount", v));
    if (facts.hotBusinessOutageMinutes() != 0) {
      o.put("hotBusinessOutageMinutes", facts.hotBusinessOutageMinutes());
    }
    if (facts.nonHotBusinessOutageMinutes() != 0) {
      o.put("nonHotBusinessOutageMinutes", facts.nonHotBusinessOutageMinutes());
    }
    if (facts.complaintCount() != 0) {
      o.put("complaintCount", facts.complaintCount());
    }
    if (facts.sameTypeComplaintCount() != 0) {
      o.put("sameTypeComplaintCount", facts.sameTypeComplaintCount());
    }
    if (facts.potentialComplaintCount() != 0) {
      o.put("potentialComplaintCount", facts.potentialComplaintCount());
    }
    facts.csComplaintLevel().ifPresent(v -> o.put("csComplaintLevel", v));
    facts.csComplaintReceivedAt().ifPresent(v -> o.put("csComplaintReceivedAt", Timestamps.format(v, zone)));
    if (facts.goldDiamondComplaintsSameIssue() != 0) {
      o.put("goldDiamondComplaintsSameIssue", facts.goldDiamondComplaintsSameIssue());
    }
    if (facts.primaryBackupDownSwitchedOk()) {
      o.put("primaryBackupDownSwitchedOk", true);
    }
    if (facts.importantEquipmentFault()) {
      o.put("importantEquipmentFault", true);
    }
    if (facts.networkOutageScope() != NetworkOutageScope.NONE) {
      o.put("networkOutageScope", facts.networkOutageScope().name());
    }
    if (facts.keyInterfaceOutageMinutes() != 0) {
      o.put("keyInterfaceOutageMinutes", facts.keyInterfaceOutageMinutes());
    }
    if (facts.severeSystemOrDbAlarm()) {
      o.put("severeSystemOrDbAlarm", true);
    }
    if (facts.efficiencyDegraded()) {
      o.put("efficiencyDegraded", true);
    }
    if (facts.waitSecondsPerTransaction() != 0) {
      o.put("waitSecondsPerTransaction", facts.waitSecondsPerTransaction());
    }
    if (facts.dataSetupErrorPotentialUsers() != 0) {
      o.put("dataSetupErrorPotentialUsers", facts.dataSetupErrorPotentialUsers());
    }
    if (facts.softwareFaultBasicServiceUsers() != 0) {
      o.put("softwareFaultBasicServiceUsers", facts.softwareFaultBasicServiceUsers());
    }
    if (facts.reportErrorServiceHalls() != 0) {
      o.put("reportErrorServiceHalls", facts.reportErrorServiceHalls());
    }
    if (facts.externalKeyInterfaceFrequentErrors()) {
      o.put("externalKeyInterfaceFrequentErrors", true);
    }
    if (facts.systemParalysed()) {
      o.put("systemParalysed", true);
    }
    if (facts.importantModuleOutageMinutes() != 0) {
      o.put("importantModuleOutageMinutes", facts.importantModuleOutageMinutes());
    }
    if (facts.seriousBusinessErrorUsers() != 0) {
      o.put("seriousBusinessErrorUsers", facts.seriousBusinessErrorUsers());
    }
    if (facts.manualLevelAssessment() != Level.NONE) {
      o.put("manualLevelAssessment", facts.manualLevelAssessment().name());
    }
    facts.manualLevelJustification().ifPresent(v -> o.put("manualLevelJustification", v));
    if (facts.systemLevelFault()) {
      o.put("systemLevelFault", true);
    }
    if (facts.systemLevelFaultMinutes() != 0) {
      o.put("systemLevelFaultMinutes", facts.systemLevelFaultMinutes());
    }
    if (facts.systemLevelFaultExpectedMinutes() != 0) {
      o.put("systemLevelFaultExpectedMinutes", facts.systemLevelFaultExpectedMinutes());
    }
    if (facts.functionOutage()) {
      o.put("functionOutage", true);
    }
    if (facts.functionOutageMinutes() != 0) {
      o.put("functionOutageMinutes", facts.functionOutageMinutes());
    }
    if (facts.functionOutageExpectedMinutes() != 0) {
      o.put("functionOutageExpectedMinutes", facts.functionOutageExpectedMinutes());
    }
    facts.reportedToDeveloperAt().ifPresent(v -> o.put("reportedToDeveloperAt", Timestamps.format(v, zone)));
    facts.reportedToProvinceAt().ifPresent(v -> o.put("reportedToProvinceAt", Timestamps.format(v, zone)));
    facts.lastSubstantiveProgressAt().ifPresent(v -> o.put("lastSubstantiveProgressAt", Timestamps.format(v, zone)));
    if (facts.faultLocated()) {
      o.put("faultLocated", true);
    }
    if (facts.resolutionTimeConfirmed()) {
      o.put("resolutionTimeConfirmed", true);
    }
    if (facts.developerCanStateImpactConfirmationTime()) {
      o.put("developerCanStateImpactConfirmationTime", true);
    }
    if (facts.impactConfirmationProgressSatisfactory()) {
      o.put("impactConfirmationProgressSatisfactory", true);
    }
    if (facts.responsibleUnit() != ResponsibleUnit.OWN_ROOM) {
      o.put("responsibleUnit", facts.responsibleUnit().name());
    }
    if (facts.affectsOwnSystemsOrAcceptance()) {
      o.put("affectsOwnSystemsOrAcceptance", true);
    }
    if (facts.softwareProblemSuspected()) {
      o.put("softwareProblemSuspected", true);
    }
    if (facts.softwareVersionDefectConfirmed()) {
      o.put("softwareVersionDefectConfirmed", true);
    }
    if (facts.programBug()) {
      o.put("programBug", true);
    }
    if (facts.needsDevelopmentUpload()) {
      o.put("needsDevelopmentUpload", true);
    }
    if (facts.mainFaultPointInProvince()) {
      o.put("mainFaultPointInProvince", true);
    }
    if (facts.involvesBillingOrBank()) {
      o.put("involvesBillingOrBank", true);
    }
    if (facts.affectsBatchBusiness()) {
      o.put("affectsBatchBusiness", true);
    }
    if (facts.isMajorFault()) {
      o.put("isMajorFault", true);
    }
    if (facts.cannotSelfResolve()) {
      o.put("cannotSelfResolve", true);
    }
    facts.repairedAt().ifPresent(v -> o.put("repairedAt", Timestamps.format(v, zone)));
    facts.reportedToRoomManagerAt().ifPresent(v -> o.put("reportedToRoomManagerAt", Timestamps.format(v, zone)));
    facts.lastRoomManagerProgressAt().ifPresent(v -> o.put("lastRoomManagerProgressAt", Timestamps.format(v, zone)));
    facts.reportedToCenterManagerAt().ifPresent(v -> o.put("reportedToCenterManagerAt", Timestamps.format(v, zone)));
    facts.amsFaultNo().ifPresent(v -> o.put("amsFaultNo", v));
    facts.provinceDutyNotifiedAt().ifPresent(v -> o.put("provinceDutyNotifiedAt", Timestamps.format(v, zone)));
    facts.amsDevTicketNo().ifPresent(v -> o.put("amsDevTicketNo", v));
    facts.csCenterLevel1SmsSentAt().ifPresent(v -> o.put("csCenterLevel1SmsSentAt", Timestamps.format(v, zone)));
    facts.notificationSentAt().ifPresent(v -> o.put("notificationSentAt", Timestamps.format(v, zone)));
    if (facts.commFailureComplainingCustomers() != 0) {
      o.put("commFailureComplainingCustomers", facts.commFailureComplainingCustomers());
    }
    if (facts.commFailurePotentialCustomers() != 0) {
      o.put("commFailurePotentialCustomers", facts.commFailurePotentialCustomers());
    }
    if (facts.restorableByHlrResetAtComplaint()) {
      o.put("restorableByHlrResetAtComplaint", true);
    }
    if (facts.wrongSuspensionComplainingCustomers() != 0) {
      o.put("wrongSuspensionComplainingCustomers", facts.wrongSuspensionComplainingCustomers());
    }
    if (facts.wrongSuspensionPotentialCustomers() != 0) {
      o.put("wrongSuspensionPotentialCustomers", facts.wrongSuspensionPotentialCustomers());
    }
    if (facts.accountAnomalyComplainingCustomers() != 0) {
      o.put("accountAnomalyComplainingCustomers", facts.accountAnomalyComplainingCustomers());
    }
    if (facts.accountAnomalyPotentialCustomers() != 0) {
      o.put("accountAnomalyPotentialCustomers", facts.accountAnomalyPotentialCustomers());
    }
    if (facts.selfServiceBillListOutageMinutes() != 0) {
      o.put("selfServiceBillListOutageMinutes", facts.selfServiceBillListOutageMinutes());
    }
    if (!facts.loginOutageMinutes().isEmpty()) {
      ObjectNode m = o.putObject("loginOutageMinutes");
      facts.loginOutageMinutes().forEach((k, v) -> m.put(k.name(), v));
    }
    if (facts.importantDataLost()) {
      o.put("importantDataLost", true);
    }
    facts.dataLossAt().ifPresent(v -> o.put("dataLossAt", Timestamps.format(v, zone)));
    if (facts.dataLossSolutionConfirmed()) {
      o.put("dataLossSolutionConfirmed", true);
    }
    if (facts.redListCustomersAffected() != 0) {
      o.put("redListCustomersAffected", facts.redListCustomersAffected());
    }
    if (facts.loginInstabilityFaultsThisMonth() != 0) {
      o.put("loginInstabilityFaultsThisMonth", facts.loginInstabilityFaultsThisMonth());
    }
    if (facts.selfServiceLoginFaultsThisMonth() != 0) {
      o.put("selfServiceLoginFaultsThisMonth", facts.selfServiceLoginFaultsThisMonth());
    }
    if (!facts.coreInterfaceFullOutageMinutes().isEmpty()) {
      ObjectNode m = o.putObject("coreInterfaceFullOutageMinutes");
      facts.coreInterfaceFullOutageMinutes().forEach((k, v) -> m.put(k.name(), v));
    }
    return o;
  }

  private static <T extends Enum<T>> Set<String> names(Class<T> type) {
    ImmutableSet.Builder<String> s = ImmutableSet.builder();
    for (T c : type.getEnumConstants()) {
      s.add(c.name());
    }
    return s.build();
  }
}
