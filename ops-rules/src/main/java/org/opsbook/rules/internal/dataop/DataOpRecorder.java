package org.opsbook.rules.internal.dataop;

import java.time.Instant;
import java.util.Optional;
import org.opsbook.core.Actor;
import org.opsbook.core.Masking;
import org.opsbook.rules.dataop.DataOpEvent;
import org.opsbook.rules.dataop.DataOpEventData;
import org.opsbook.rules.dataop.DataOpTicket;
import org.opsbook.rules.dataop.ExtractionWindow;
import org.opsbook.rules.dataop.DataOpRecord;

/** Extends a ticket's {@link DataOpRecord} with what an accepted event records; free text is kept masked. */
final class DataOpRecorder {
  private DataOpRecorder() {}

  static DataOpRecord record(DataOpTicket ticket, DataOpEvent event, Actor actor, DataOpEventData d, Instant at,
      ExtractionWindow window) {
    DataOpRecord before = ticket.record();
    DataOpRecord.Builder r = before.toBuilder();
    String who = actor.id();
    switch (event) {
      case SUBMIT -> r.submitterId(who).submittedAt(at);
      case APPROVE_BUSINESS -> r.businessApproverId(who).businessApprovedAt(at);
      case ASSESS -> r.estimatedEffort(masked(d.estimatedEffort())).assessedAt(at).addProcessorIds(who);
      case ATTACH_SCRIPT_AND_BACKUP, RESUBMIT_SCRIPT -> r.scriptAuthorId(who).scriptAttachedAt(at)
          .scriptRef(d.scriptRef()).backupRef(d.backupRef())
          .backupTakenAt(d.backupTakenAt().or(() -> d.backupRef().map(ref -> at)))
          .attachments(d.attachments()).inlineOriginalDataAndScript(d.inlineOriginalDataAndScript())
          .addProcessorIds(who);
      case ATTACH_SCRIPT, RESUBMIT -> {
        r.scriptAuthorId(who).scriptAttachedAt(at).scriptRef(d.scriptRef()).addProcessorIds(who);
        d.estimatedRowCount().ifPresent(r::estimatedRowCount);
        d.estimatedExecutionMinutes().ifPresent(r::estimatedExecutionMinutes);
      }
      case APPROVE_TECHNICAL, APPROVE_SCRIPT -> {
        r.techApproverId(who).techApprovedAt(at).addProcessorIds(who);
        DataOpMachines.approval(d.sensitiveAccessFormApprovedBy(), d.sensitiveAccessFormApprovedAt(), at)
            .ifPresent(r::sensitiveAccessForm);
        DataOpMachines.approval(d.batchSensitiveFormApprovedBy(), d.batchSensitiveFormApprovedAt(), at)
            .ifPresent(r::batchSensitiveForm);
      }
      case ASSIGN_TO_DEVELOPER -> r.assignedDeveloperId(d.developerId()).assignedExecutorKind(d.executorKind())
          .cityMonitorId(d.cityMonitorId()).cityMonitorPresentThroughout(d.cityMonitorPresentThroughout())
          // a new assignment needs its own impact statement and consent (DATAOP-MOD-10)
          .developerImpactReply(Optional.empty()).developerImpactReplyAt(Optional.empty())
          .submitterConsentAt(Optional.empty());
      case REPLY_IMPACT -> r.developerImpactReply(masked(d.impactReply())).developerImpactReplyAt(at);
      case CONSENT -> r.submitterConsentAt(at);
      case EXECUTE -> {
        r.executorId(who).executorKind(actor.kind()).executedAt(at).actualRecordCount(d.actualRecordCount())
            .addProcessorIds(who).addExecutorIds(who);
        DataOpMachines.approval(d.batchSensitiveFormApprovedBy(), d.batchSensitiveFormApprovedAt(), at)
            .ifPresent(r::batchSensitiveForm);
      }
      case RUN -> {
        Instant start = DataOpMachines.runStart(d, at);
        r.executorId(who).executorKind(actor.kind()).executedAt(start)
            .actualRowCount(d.actualRowCount()).actualExecutionMinutes(d.actualExecutionMinutes())
            .addProcessorIds(who).addExecutorIds(who);
        d.cityMonitorId().ifPresent(r::cityMonitorId);
        if (d.cityMonitorPresentThroughout()) {
          r.cityMonitorPresentThroughout(true);
        }
        if (DataOpMachines.peakHourBreach(ticket, d, start, window).isPresent()) {
          r.addRecordedViolations(ExtractionWindow.EXT_04);
        }
      }
      case PASS_REVIEW -> r.reviewerId(who).reviewedAt(at).reviewScriptVerified(d.scriptVerified())
          .reviewResultVerified(d.resultVerified()).reviewLogicVerified(d.logicVerified())
          .reviewCountVerified(d.countVerified()).reviewSampledNumbers(d.sampledNumbers());
      case FAIL_REVIEW -> r.findings(masked(d.findings())).reworkCount(before.reworkCount() + 1);
      case DELIVER -> r.deliveredTo(d.deliveredTo()).deliveredAt(at);
      case NOTIFY_REQUESTER -> r.requesterNotifiedVia(d.channel()).requesterNotifiedAt(at);
      case CONFIRM_BUSINESS -> r.businessConfirmedBy(who).businessConfirmedAt(at);
      case CANCEL -> r.cancelReason(masked(d.reason()));
      default -> throw new IllegalStateException("no record for " + event);
    }
    return r.build();
  }

  /** Free text may quote a phone number; the record keeps it masked, as the audit trail does. */
  private static Optional<String> masked(Optional<String> text) {
    return text.map(Masking::phonesIn);
  }
}
