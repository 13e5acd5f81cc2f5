package org.opsbook.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.opsbook.core.AuditEntry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PersonalDataTest {
  private static AuditEntry.Builder entry() {
    return AuditEntry.builder().stream("dataext:DE-1").at(Instant.parse("2026-11-25T02:00:00Z")).actorId("rev")
        .action("passReview");
  }

  @Test
  @DisplayName("DATAOP-EXT-06: sampled numbers are masked for storage, other evidence is kept as given")
  void sampledNumbersAreMaskedForStorage_DATAOP_EXT_06() {
    AuditEntry e = entry().putDetail("reviewSampledNumbers", "13800138000, 13900139000")
        .putDetail("sampledNumbers", "13700137000").putDetail("count", "1200")
        .putDetail("note", "联系 13600136000").build();
    AuditEntry stored = PersonalData.forStorage(e);
    assertThat(stored.details()).containsEntry("reviewSampledNumbers", "138****8000, 139****9000")
        .containsEntry("sampledNumbers", "137****7000").containsEntry("count", "1200")
        .containsEntry("note", "联系 13600136000");
    assertThat(stored.stream()).isEqualTo(e.stream());
    assertThat(stored.at()).isEqualTo(e.at());
  }

  @Test
  void anEntryWithoutSampledNumbersIsStoredUnchanged() {
    AuditEntry e = entry().putDetail("note", "ok").build();
    assertThat(PersonalData.forStorage(e)).isSameAs(e);
  }

  @Test
  void exportsMaskPhoneNumbersAnywhereAndPersonNamesButNotTheNamesOfThings() {
    assertThat(PersonalData.maskedDetails(java.util.Map.of("approverName", "张三丰", "name", "李四",
        "subjectName", "BOSS", "note", "call 13800138000", "count", "12")))
        .containsEntry("approverName", "张**").containsEntry("name", "李*").containsEntry("subjectName", "BOSS")
        .containsEntry("note", "call 138****8000").containsEntry("count", "12");
  }
}
