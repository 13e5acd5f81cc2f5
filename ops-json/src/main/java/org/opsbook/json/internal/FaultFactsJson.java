package org.opsbook.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.Set;
import org.opsbook.core.CoreInterface;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.FaultFacts.Builder;
import org.opsbook.core.FaultNature;
import org.opsbook.core.IntakeChannel;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Level;
import org.opsbook.core.LoginSystem;
import org.opsbook.core.NetworkOutageScope;
import org.opsbook.core.ResponsibleUnit;
import org.opsbook.json.JsonFields;
import org.opsbook.json.internal.Schema.Kind;

/**
 * Reads and writes {@link FaultFacts} as the decision API's {@code FaultFacts} object: field names are the fact
 * names of rules-catalog §2.1 and §2.2; an absent fact takes its neutral default; an unknown field, a wrong type, a
 * negative count or duration, or a timestamp without an offset is invalid input naming the field's path.
 */
public final class FaultFactsJson {
  /** The table: one row per fact. */
  public static final Schema<FaultFacts, Builder> SCHEMA = Schema.of(FaultFacts::builder, Builder::build)
      .opt("faultId", Kind.TEXT, FaultFacts::faultId, Builder::faultId)
      .opt("faultStartTime", Kind.TIME, FaultFacts::faultStartTime, Builder::faultStartTime)
      .opt("detectedAt", Kind.TIME, FaultFacts::detectedAt, Builder::detectedAt)
      .opt("intakeChannel", Kind.of(IntakeChannel.class), FaultFacts::intakeChannel, Builder::intakeChannel)
      .flag("selfDiscovered", FaultFacts::selfDiscovered, Builder::selfDiscovered)
      .opt("nature", Kind.of(FaultNature.class), FaultFacts::nature, Builder::nature)
      .flag("callCenterFault", FaultFacts::callCenterFault, Builder::callCenterFault)
      .opt("subjectName", Kind.TEXT, FaultFacts::subjectName, Builder::subjectName)
      .flag("affectsNormalCommunication", FaultFacts::affectsNormalCommunication, Builder::affectsNormalCommunication)
      .flag("affectsBusinessOrQuery", FaultFacts::affectsBusinessOrQuery, Builder::affectsBusinessOrQuery)
      .flag("affectsImportantBusinessOrQuery", FaultFacts::affectsImportantBusinessOrQuery,
          Builder::affectsImportantBusinessOrQuery)
      .count("affectedCustomersConfirmed", FaultFacts::affectedCustomersConfirmed, Builder::affectedCustomersConfirmed)
      .count("affectedCustomersPotential", FaultFacts::affectedCustomersPotential, Builder::affectedCustomersPotential)
      .flag("impactConfirmed", FaultFacts::impactConfirmed, Builder::impactConfirmed)
      .opt("sameFaultCustomerCount", Kind.atLeast(0), f -> Schema.boxed(f.sameFaultCustomerCount()),
          Builder::sameFaultCustomerCount)
      .amount("hotBusinessOutageMinutes", FaultFacts::hotBusinessOutageMinutes, Builder::hotBusinessOutageMinutes)
      .amount("nonHotBusinessOutageMinutes", FaultFacts::nonHotBusinessOutageMinutes,
          Builder::nonHotBusinessOutageMinutes)
      .count("complaintCount", FaultFacts::complaintCount, Builder::complaintCount)
      .count("sameTypeComplaintCount", FaultFacts::sameTypeComplaintCount, Builder::sameTypeComplaintCount)
      .count("potentialComplaintCount", FaultFacts::potentialComplaintCount, Builder::potentialComplaintCount)
      .opt("csComplaintLevel", Kind.atLeast(1), f -> Schema.boxed(f.csComplaintLevel()), Builder::csComplaintLevel)
      .opt("csComplaintReceivedAt", Kind.TIME, FaultFacts::csComplaintReceivedAt, Builder::csComplaintReceivedAt)
      .count("goldDiamondComplaintsSameIssue", FaultFacts::goldDiamondComplaintsSameIssue,
          Builder::goldDiamondComplaintsSameIssue)
      .flag("primaryBackupDownSwitchedOk", FaultFacts::primaryBackupDownSwitchedOk,
          Builder::primaryBackupDownSwitchedOk)
      .flag("importantEquipmentFault", FaultFacts::importantEquipmentFault, Builder::importantEquipmentFault)
      .val("networkOutageScope", Kind.of(NetworkOutageScope.class), FaultFacts::networkOutageScope,
          Builder::networkOutageScope, NetworkOutageScope.NONE)
      .amount("keyInterfaceOutageMinutes", FaultFacts::keyInterfaceOutageMinutes, Builder::keyInterfaceOutageMinutes)
      .flag("severeSystemOrDbAlarm", FaultFacts::severeSystemOrDbAlarm, Builder::severeSystemOrDbAlarm)
      .flag("efficiencyDegraded", FaultFacts::efficiencyDegraded, Builder::efficiencyDegraded)
      .amount("waitSecondsPerTransaction", FaultFacts::waitSecondsPerTransaction, Builder::waitSecondsPerTransaction)
      .count("dataSetupErrorPotentialUsers", FaultFacts::dataSetupErrorPotentialUsers,
          Builder::dataSetupErrorPotentialUsers)
      .count("softwareFaultBasicServiceUsers", FaultFacts::softwareFaultBasicServiceUsers,
          Builder::softwareFaultBasicServiceUsers)
      .count("reportErrorServiceHalls", FaultFacts::reportErrorServiceHalls, Builder::reportErrorServiceHalls)
      .flag("externalKeyInterfaceFrequentErrors", FaultFacts::externalKeyInterfaceFrequentErrors,
          Builder::externalKeyInterfaceFrequentErrors)
      .flag("systemParalysed", FaultFacts::systemParalysed, Builder::systemParalysed)
      .amount("importantModuleOutageMinutes", FaultFacts::importantModuleOutageMinutes,
          Builder::importantModuleOutageMinutes)
      .count("seriousBusinessErrorUsers", FaultFacts::seriousBusinessErrorUsers, Builder::seriousBusinessErrorUsers)
      .val("manualLevelAssessment", Kind.of(Level.class), FaultFacts::manualLevelAssessment,
          Builder::manualLevelAssessment, Level.NONE)
      .opt("manualLevelJustification", Kind.TEXT, FaultFacts::manualLevelJustification,
          Builder::manualLevelJustification)
      .flag("systemLevelFault", FaultFacts::systemLevelFault, Builder::systemLevelFault)
      .amount("systemLevelFaultMinutes", FaultFacts::systemLevelFaultMinutes, Builder::systemLevelFaultMinutes)
      .amount("systemLevelFaultExpectedMinutes", FaultFacts::systemLevelFaultExpectedMinutes,
          Builder::systemLevelFaultExpectedMinutes)
      .flag("functionOutage", FaultFacts::functionOutage, Builder::functionOutage)
      .amount("functionOutageMinutes", FaultFacts::functionOutageMinutes, Builder::functionOutageMinutes)
      .amount("functionOutageExpectedMinutes", FaultFacts::functionOutageExpectedMinutes,
          Builder::functionOutageExpectedMinutes)
      .opt("reportedToDeveloperAt", Kind.TIME, FaultFacts::reportedToDeveloperAt, Builder::reportedToDeveloperAt)
      .opt("reportedToProvinceAt", Kind.TIME, FaultFacts::reportedToProvinceAt, Builder::reportedToProvinceAt)
      .opt("lastSubstantiveProgressAt", Kind.TIME, FaultFacts::lastSubstantiveProgressAt,
          Builder::lastSubstantiveProgressAt)
      .flag("faultLocated", FaultFacts::faultLocated, Builder::faultLocated)
      .flag("resolutionTimeConfirmed", FaultFacts::resolutionTimeConfirmed, Builder::resolutionTimeConfirmed)
      .flag("developerCanStateImpactConfirmationTime", FaultFacts::developerCanStateImpactConfirmationTime,
          Builder::developerCanStateImpactConfirmationTime)
      .flag("impactConfirmationProgressSatisfactory", FaultFacts::impactConfirmationProgressSatisfactory,
          Builder::impactConfirmationProgressSatisfactory)
      .val("responsibleUnit", Kind.of(ResponsibleUnit.class), FaultFacts::responsibleUnit, Builder::responsibleUnit,
          ResponsibleUnit.OWN_ROOM)
      .flag("affectsOwnSystemsOrAcceptance", FaultFacts::affectsOwnSystemsOrAcceptance,
          Builder::affectsOwnSystemsOrAcceptance)
      .flag("softwareProblemSuspected", FaultFacts::softwareProblemSuspected, Builder::softwareProblemSuspected)
      .flag("softwareVersionDefectConfirmed", FaultFacts::softwareVersionDefectConfirmed,
          Builder::softwareVersionDefectConfirmed)
      .flag("programBug", FaultFacts::programBug, Builder::programBug)
      .flag("needsDevelopmentUpload", FaultFacts::needsDevelopmentUpload, Builder::needsDevelopmentUpload)
      .flag("mainFaultPointInProvince", FaultFacts::mainFaultPointInProvince, Builder::mainFaultPointInProvince)
      .flag("involvesBillingOrBank", FaultFacts::involvesBillingOrBank, Builder::involvesBillingOrBank)
      .flag("affectsBatchBusiness", FaultFacts::affectsBatchBusiness, Builder::affectsBatchBusiness)
      .flag("isMajorFault", FaultFacts::isMajorFault, Builder::isMajorFault)
      .flag("cannotSelfResolve", FaultFacts::cannotSelfResolve, Builder::cannotSelfResolve)
      .opt("repairedAt", Kind.TIME, FaultFacts::repairedAt, Builder::repairedAt)
      .opt("reportedToRoomManagerAt", Kind.TIME, FaultFacts::reportedToRoomManagerAt, Builder::reportedToRoomManagerAt)
      .opt("lastRoomManagerProgressAt", Kind.TIME, FaultFacts::lastRoomManagerProgressAt,
          Builder::lastRoomManagerProgressAt)
      .opt("reportedToCenterManagerAt", Kind.TIME, FaultFacts::reportedToCenterManagerAt,
          Builder::reportedToCenterManagerAt)
      .opt("amsFaultNo", Kind.TEXT, FaultFacts::amsFaultNo, Builder::amsFaultNo)
      .opt("provinceDutyNotifiedAt", Kind.TIME, FaultFacts::provinceDutyNotifiedAt, Builder::provinceDutyNotifiedAt)
      .opt("amsDevTicketNo", Kind.TEXT, FaultFacts::amsDevTicketNo, Builder::amsDevTicketNo)
      .opt("csCenterLevel1SmsSentAt", Kind.TIME, FaultFacts::csCenterLevel1SmsSentAt, Builder::csCenterLevel1SmsSentAt)
      .opt("notificationSentAt", Kind.TIME, FaultFacts::notificationSentAt, Builder::notificationSentAt)
      .count("commFailureComplainingCustomers", FaultFacts::commFailureComplainingCustomers,
          Builder::commFailureComplainingCustomers)
      .count("commFailurePotentialCustomers", FaultFacts::commFailurePotentialCustomers,
          Builder::commFailurePotentialCustomers)
      .flag("restorableByHlrResetAtComplaint", FaultFacts::restorableByHlrResetAtComplaint,
          Builder::restorableByHlrResetAtComplaint)
      .count("wrongSuspensionComplainingCustomers", FaultFacts::wrongSuspensionComplainingCustomers,
          Builder::wrongSuspensionComplainingCustomers)
      .count("wrongSuspensionPotentialCustomers", FaultFacts::wrongSuspensionPotentialCustomers,
          Builder::wrongSuspensionPotentialCustomers)
      .count("accountAnomalyComplainingCustomers", FaultFacts::accountAnomalyComplainingCustomers,
          Builder::accountAnomalyComplainingCustomers)
      .count("accountAnomalyPotentialCustomers", FaultFacts::accountAnomalyPotentialCustomers,
          Builder::accountAnomalyPotentialCustomers)
      .amount("selfServiceBillListOutageMinutes", FaultFacts::selfServiceBillListOutageMinutes,
          Builder::selfServiceBillListOutageMinutes)
      .flag("importantDataLost", FaultFacts::importantDataLost, Builder::importantDataLost)
      .amounts("loginOutageMinutes", LoginSystem.class, FaultFacts::loginOutageMinutes,
          Builder::putAllLoginOutageMinutes)
      .opt("dataLossAt", Kind.TIME, FaultFacts::dataLossAt, Builder::dataLossAt)
      .flag("dataLossSolutionConfirmed", FaultFacts::dataLossSolutionConfirmed, Builder::dataLossSolutionConfirmed)
      .count("redListCustomersAffected", FaultFacts::redListCustomersAffected, Builder::redListCustomersAffected)
      .count("loginInstabilityFaultsThisMonth", FaultFacts::loginInstabilityFaultsThisMonth,
          Builder::loginInstabilityFaultsThisMonth)
      .count("selfServiceLoginFaultsThisMonth", FaultFacts::selfServiceLoginFaultsThisMonth,
          Builder::selfServiceLoginFaultsThisMonth)
      .amounts("coreInterfaceFullOutageMinutes", CoreInterface.class, FaultFacts::coreInterfaceFullOutageMinutes,
          Builder::putAllCoreInterfaceFullOutageMinutes);

  /** Every field a {@code FaultFacts} object may have. */
  public static final Set<String> FIELDS = SCHEMA.names();

  private FaultFactsJson() {}

  /**
   * Reads facts from a JSON object.
   *
   * @param node the object
   * @param path its JSON path, e.g. {@code facts} ({@code ""} for a root document)
   * @throws InvalidInputException naming the offending field
   */
  public static FaultFacts read(JsonNode node, String path) {
    return SCHEMA.read(node, path);
  }

  /** Reads facts from an object already opened with {@link #FIELDS} (or a superset). */
  public static FaultFacts read(JsonFields f) {
    return SCHEMA.read(f);
  }

  /** Writes the facts that differ from their neutral default, timestamps in {@code zone}. */
  public static ObjectNode write(FaultFacts facts, ZoneId zone) {
    return SCHEMA.write(facts, zone);
  }
}
