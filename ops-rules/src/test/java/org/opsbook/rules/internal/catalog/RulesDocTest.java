package org.opsbook.rules.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code docs/rules.md} is generated from the registry and the sources, and must be current. */
class RulesDocTest {
  @Test
  void docsRulesMdIsCurrent() throws IOException {
    Path root = RuleReferences.projectRoot();
    Path doc = root.resolve(RulesDoc.PATH);
    String expected = RulesDoc.render(root, RuleCatalog.standard());
    if (Boolean.getBoolean("opsbook.docs.write")) {
      Files.writeString(doc, expected, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(doc)).as("%s is missing; generate it with: %s", RulesDoc.PATH, RulesDoc.REGENERATE)
        .isTrue();
    String actual = Files.readString(doc, StandardCharsets.UTF_8);
    assertThat(actual.equals(expected))
        .as("%s is stale (the registry or the sources that name rules changed); regenerate it with: %s",
            RulesDoc.PATH, RulesDoc.REGENERATE)
        .isTrue();
  }

  @Test
  void everyRuleHasARowWithItsAnchorAndAnEnforcementOrAMark() {
    RuleCatalog catalog = RuleCatalog.standard();
    String doc = RulesDoc.render(RuleReferences.projectRoot(), catalog);
    for (RuleEntry entry : catalog.all()) {
      String id = entry.id().value();
      assertThat(doc).contains("<a id=\"" + RulesDoc.anchor(id) + "\"></a>`" + id + "`");
    }
    // ESC-REQ-06 (「解释口径和处理方法由市场部…确定」) is quoted in its row.
    assertThat(doc).contains("解释口径和处理方法由市场部(数据业务中心/集团客户部)确定");
    assertThat(doc).doesNotContain("../shared");
  }

  @Test
  void cellsEscapeTableAndEmphasisCharacters() {
    assertThat(RulesDoc.cell("a|b *c* <d> e_f")).isEqualTo("a\\|b \\*c\\* &lt;d> e\\_f");
    assertThat(RulesDoc.cell("x_y `ESC_DUTY | a*b` z*")).isEqualTo("x\\_y `ESC_DUTY \\| a*b` z\\*");
  }
}
