package org.opsbook.rules.bug;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.immutables.value.Value;
import org.opsbook.core.Actor;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Masking;
import org.opsbook.core.OpsParameters;

/**
 * A BUG ticket as SM-BUG keeps it (rules-catalog §2.6): its state and everything its transitions recorded. Built
 * by the workflow behind {@code Bugs}; hosts read it. Its {@code toString()} masks complaint numbers and names. Immutable.
 */
@Value.Immutable
public abstract class BugTicket {
  /** The BUG's ID (BUG单号). */
  public abstract String bugId();

  /** The state in SM-BUG. */
  public abstract BugState state();

  /** When it was raised (SM-BUG-T01). */
  public abstract Instant raisedAt();

  /** Who raised it (提交人): the actor's ID. */
  public abstract String submittedBy();

  /** 问题描述: the fault phenomenon in detail. */
  public abstract String description();

  /** The complaint numbers the description names (「必须要有投诉号码及投诉问题」); personal data. */
  public abstract List<String> complaintNumbers();

  /** The complaint issue (投诉问题). */
  public abstract String complaintIssue();

  /** The complaint ticket that led to the BUG (TICKET-20), if any. */
  public abstract Optional<String> linkedTicketId();

  /** The escalated fault behind the BUG (ESC-REQ-13), if any. */
  public abstract Optional<String> linkedFaultId();

  /** AMS单号 of the BUG (BUG-03). */
  public abstract Optional<String> amsBugTicketNo();

  /** The developer 省业支 assigned (SM-BUG-T03). */
  public abstract Optional<String> developer();

  /** Where the notice is posted (BUG-04). */
  public abstract Set<NoticeChannel> noticePublishedOn();

  /** When the notice was last published or updated. */
  public abstract Optional<Instant> noticePublishedAt();

  /** 预计上载时间 as published (BUG-10). */
  public abstract Optional<Instant> uploadEta();

  /** 应急处理方法 / 程序修复前的处理方法 (BUG-12). */
  public abstract Optional<String> workaround();

  /** Who agreed the ETA and workaround for 运营管理室 (BUG-10). */
  public abstract Optional<String> opsRoomAgreedBy();

  /** Who agreed the ETA and workaround for 支持维护室 (BUG-10). */
  public abstract Optional<String> supportRoomAgreedBy();

  /** CMCP协作单号 (BUG-05). */
  public abstract Optional<String> cmcpCollabTicketNo();

  /** 转支持维护室的单号 (BUG-05). */
  public abstract Optional<String> supportRoomTicketNo();

  /** Customers the BUG affects, as assessed (BUG-06). */
  @Value.Default
  public int bugAffectedCustomers() {
    return 0;
  }

  /** The highest customer-service complaint level it caused, if any (BUG-06). */
  public abstract OptionalInt csComplaintLevel();

  /** 一般需上载紧急版本: the emergency path (BUG-06), or the normal upload (BUG-07). */
  @Value.Default
  public boolean needsEmergencyRelease() {
    return false;
  }

  /** When the impact was assessed (SM-BUG-T06); empty until then. */
  public abstract Optional<Instant> impactAssessedAt();

  /** When the room manager was told of the BUG's large impact (BUG-06); empty until then. */
  public abstract Optional<Instant> roomManagerReportedAt();

  /** The developer's latest reply (SM-BUG-T07). */
  public abstract Optional<String> developerReply();

  /** The version the latest fix came in. */
  public abstract Optional<String> fixVersion();

  /** How often acceptance failed and the BUG went back to the developer (BUG-09). */
  @Value.Default
  public int acceptanceRejections() {
    return 0;
  }

  /** Why acceptance last failed (BUG-09). */
  public abstract Optional<String> lastRejectionReason();

  /** When the fix was accepted and uploaded (SM-BUG-T09). */
  public abstract Optional<Instant> uploadedAt();

  /** The BUG needs a data repair (BUG-13). */
  @Value.Default
  public boolean needsDataFix() {
    return false;
  }

  /** The data-modification workflow opened for the repair (BUG-13). */
  public abstract Optional<String> linkedDataOpId();

  /** When the follower last updated the BUG (BUG-02/08). */
  public abstract Optional<Instant> lastWeeklyUpdateAt();

  /** What the last weekly update said. */
  public abstract Optional<String> lastWeeklyUpdate();

  /** The weekly summary the BUG was closed in (SM-BUG-T10). */
  public abstract Optional<String> weeklySummaryRef();

  /** When it was closed. */
  public abstract Optional<Instant> closedAt();

  /** Returns true once the fix is uploaded (是否已上载). */
  public boolean uploaded() {
    return uploadedAt().isPresent();
  }

  @Value.Check
  protected void check() {
    if (bugId().isBlank()) {
      throw new InvalidInputException("bugId", "bugId must not be blank");
    }
    if (state() == BugState.NEW) {
      throw new InvalidInputException("state", "a stored BUG is at least IDENTIFIED");
    }
    if (bugAffectedCustomers() < 0) {
      throw new InvalidInputException("bugAffectedCustomers", "bugAffectedCustomers must be >= 0: "
          + bugAffectedCustomers());
    }
    if (acceptanceRejections() < 0) {
      throw new InvalidInputException("acceptanceRejections", "acceptanceRejections must be >= 0: "
          + acceptanceRejections());
    }
  }

  @Override
  public String toString() {
    return "BugTicket{bugId=" + bugId() + ", state=" + state() + ", raisedAt=" + raisedAt() + ", submittedBy="
        + Masking.name(submittedBy()) + ", description=" + Masking.phonesIn(description()) + ", complaintNumbers="
        + complaintNumbers().stream().map(Masking::phone).toList() + ", ams=" + amsBugTicketNo().orElse("-")
        + ", emergency=" + needsEmergencyRelease() + "}";
  }

  /**
   * Returns true when the assessed impact is large (BUG-06: more customers than {@code bugEmergencyCustomers}, or a
   * customer-service complaint at {@code bugEmergencyCsLevel} or above), so the room manager is asked to help.
   */
  public boolean largeImpact(org.opsbook.core.OpsParameters p) {
    return BugImpact.isLarge(this, p);
  }

  /**
   * Returns this BUG after the step {@code event} of SM-BUG, taken by {@code actor} at {@code at} with {@code data},
   * moved to {@code to}: what the step records (BUG-06's thresholds from {@code parameters}). Checks nothing: the
   * workflow behind {@code Bugs} decides whether the step may be taken.
   */
  public BugTicket after(BugEvent event, BugState to, Actor actor, BugEventData data, Instant at,
      OpsParameters parameters) {
    ImmutableBugTicket b = (ImmutableBugTicket) ImmutableBugTicket.copyOf(this);
    return (switch (event) {
      case RAISE_BUG -> b.withRaisedAt(at).withSubmittedBy(actor.id());
      case SUBMIT_AMS -> b.withAmsBugTicketNo(data.amsBugTicketNo());
      case PROVINCE_ASSIGNED -> b.withDeveloper(data.developer());
      case PUBLISH_NOTICE -> b.withNoticePublishedOn(data.channels()).withNoticePublishedAt(at)
          .withUploadEta(data.uploadEta()).withWorkaround(data.workaround())
          .withOpsRoomAgreedBy(data.opsRoomAgreedBy()).withSupportRoomAgreedBy(data.supportRoomAgreedBy());
      case RAISE_COLLAB -> b.withCmcpCollabTicketNo(data.cmcpCollabTicketNo())
          .withSupportRoomTicketNo(data.supportRoomTicketNo().or(b::supportRoomTicketNo));
      case ASSESS_IMPACT -> {
        int customers = data.bugAffectedCustomers().getAsInt();
        // BUG-06 「已引发客服二级以上客户投诉」: a complaint the BUG has caused stays caused; a later assessment that
        // names no level, or a lower one, does not take it back
        OptionalInt level = b.csComplaintLevel().isPresent() && (data.csComplaintLevel().isEmpty()
            || data.csComplaintLevel().getAsInt() < b.csComplaintLevel().getAsInt()) ? b.csComplaintLevel()
            : data.csComplaintLevel();
        boolean large = BugImpact.isLarge(customers, level, parameters);
        yield b.withBugAffectedCustomers(customers).withCsComplaintLevel(level)
            .withNeedsEmergencyRelease(data.needsEmergencyRelease().orElse(large))
            .withNeedsDataFix(data.needsDataFix().orElse(b.needsDataFix())).withImpactAssessedAt(at);
      }
      case DEVELOPER_REPLIED -> b.withDeveloperReply(data.reply()).withFixVersion(data.version());
      case REJECT_ACCEPTANCE -> b.withAcceptanceRejections(b.acceptanceRejections() + 1)
          .withLastRejectionReason(data.reason());
      case ACCEPT_AND_UPLOAD -> b.withUploadedAt(at);
      case CLOSE_WEEKLY -> b.withWeeklySummaryRef(data.weeklySummaryRef()).withClosedAt(at);
      case WEEKLY_UPDATE -> b.withLastWeeklyUpdateAt(at).withLastWeeklyUpdate(data.updateText());
      case NEED_DATA_FIX -> b.withNeedsDataFix(true).withLinkedDataOpId(data.dataOpId());
      case REPORT_TO_ROOM_MANAGER -> b.withRoomManagerReportedAt(at);
    }).withState(to);
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link BugTicket} values (for codecs and tests; the workflow builds them otherwise). */
  public static final class Builder extends ImmutableBugTicket.Builder {}

  /** Where a BUG notice is posted (BUG-04). Quote: 「同时在服务营销系统、合作伙伴门户、BBS上上挂BUG信息公告」. */
  public enum NoticeChannel {
    /** 服务营销系统 (服营网站). */
    SERVICE_MARKETING_SYSTEM("服务营销系统"),
    /** 合作伙伴门户. */
    PARTNER_PORTAL("合作伙伴门户"),
    /** BBS. */
    BBS("BBS");

    private final String chineseName;

    NoticeChannel(String chineseName) {
      this.chineseName = chineseName;
    }

    /** Returns the manual's name of the channel. */
    public String chineseName() {
      return chineseName;
    }
  }
}
