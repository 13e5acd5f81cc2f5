package org.opsbook.core.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.Masking;

/**
 * Internal (not API): where personal data sits in audit evidence and how it is masked. Phone numbers and names are shown in clear only
 * to a caller with the right; sampled phone numbers (DATAOP-EXT-06 「抽查至少3个号码」, DATAOP-MOD-15) are stored
 * masked, as the catalog proposes, because the audit needs the fact of the sample, not the number itself.
 */
public final class PersonalData {
  private PersonalData() {}

  /**
   * Returns true for an evidence key that holds sampled phone numbers: {@code sampledNumbers},
   * {@code reviewSampledNumbers} or any key ending in {@code SampledNumbers}.
   */
  public static boolean isSampledNumbers(String key) {
    return key.equals("sampledNumbers") || key.endsWith("SampledNumbers");
  }

  /** Keys ending in {@code Name} that name things, not people. */
  private static final Set<String> NOT_PERSON_NAMES =
      Set.of("subjectName", "systemName", "targetSystemName", "templateName", "fileName", "formName");

  /**
   * Returns true for an evidence key that holds a person's name: {@code name} or a key ending in {@code Name}
   * ({@code approverName}, {@code requesterName} …), except the few that name things ({@code subjectName},
   * {@code systemName} …).
   */
  public static boolean isName(String key) {
    return key.toLowerCase(Locale.ROOT).equals("name")
        || (key.endsWith("Name") && !NOT_PERSON_NAMES.contains(key));
  }

  /**
   * Returns the entry as it is stored: sampled phone numbers masked (DATAOP-EXT-06). Every audit log applies this
   * before sealing, so the hash covers what is kept. Other evidence is stored as given.
   */
  public static AuditEntry forStorage(AuditEntry entry) {
    boolean any = false;
    // a plain loop: this runs for every audit record written
    for (String key : entry.details().keySet()) {
      if (isSampledNumbers(key)) {
        any = true;
        break;
      }
    }
    if (!any) {
      return entry;
    }
    Map<String, String> details = new TreeMap<>(entry.details());
    details.replaceAll((k, v) -> isSampledNumbers(k) ? Masking.phonesIn(v) : v);
    return AuditEntry.builder().stream(entry.stream()).at(entry.at()).actorId(entry.actorId())
        .action(entry.action()).fromState(entry.fromState()).toState(entry.toState())
        .addAllRuleIds(entry.ruleIds()).putAllDetails(details).build();
  }

  /**
   * Returns the evidence of an entry for a log line or an export read without the right to personal data: phone
   * numbers in any value masked, names masked.
   */
  public static Map<String, String> maskedDetails(Map<String, String> details) {
    return maskedDetails(details, NO_NAMES);
  }

  private static final Masking.Names NO_NAMES = Masking.names(Set.of());

  /**
   * Returns the evidence of an entry for a log line or an export read without the right to personal data: values of
   * name keys masked whole, person-ID keys ({@link #isPersonId}) masked as IDs, and in every other value the phone
   * and ID-card numbers and the {@code names} (a directory's people) masked.
   */
  public static Map<String, String> maskedDetails(Map<String, String> details, Masking.Names names) {
    Map<String, String> out = new TreeMap<>();
    details.forEach((k, v) -> out.put(k, isName(k) ? Masking.name(v)
        : isPersonId(k) ? maskedId(v) : names.mask(v)));
    return out;
  }

  /** Keys of person IDs in evidence: ending in {@code Id}/{@code Ids} about a person, or in {@code By}. */
  private static final Set<String> PERSON_ID_SUFFIXES = Set.of("By", "actorId", "ActorId", "reviewerId",
      "ReviewerId", "approverId", "ApproverId", "developerId", "DeveloperId", "monitorId", "MonitorId",
      "executorId", "ExecutorId", "submitterId", "SubmitterId", "authorId", "AuthorId", "assigneeId", "processorIds",
      "executorIds", "recipientIds", "assignee", "developer", "reviewer", "approver", "deliveredTo", "countersigners");

  /**
   * Returns true for an evidence key that holds person IDs: {@code reviewerId}, {@code cityMonitorId},
   * {@code opsRoomAgreedBy}, {@code processorIds}, {@code assignee} … ({@code …By} and the role words).
   */
  public static boolean isPersonId(String key) {
    for (String suffix : PERSON_ID_SUFFIXES) {
      if (key.equals(suffix) || key.endsWith(suffix) && suffix.charAt(0) != Character.toLowerCase(suffix.charAt(0))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Masks a person ID (or a comma-separated list of them) like a name, keeping the first character of each:
   * {@code li → l*}, {@code zhang, li → z****, l*}.
   */
  public static String maskedId(String ids) {
    if (ids == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(ids.length());
    int start = 0;
    for (int i = 0; i <= ids.length(); i++) {
      if (i == ids.length() || ids.charAt(i) == ',' || ids.charAt(i) == ' ' || ids.charAt(i) == '['
          || ids.charAt(i) == ']') {
        out.append(Masking.name(ids.substring(start, i)));
        if (i < ids.length()) {
          out.append(ids.charAt(i));
        }
        start = i + 1;
      }
    }
    return out.toString();
  }
}
