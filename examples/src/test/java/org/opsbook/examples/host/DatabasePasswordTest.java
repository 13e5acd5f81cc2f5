package org.opsbook.examples.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** A database server's password given apart from its URL, as {@code --db-password-env} gives it. */
class DatabasePasswordTest {
  @Test
  void thePasswordReachesTheDriverWholeAndIsNeverDescribed() {
    String password = "p@ss w&rd=1;?%中";
    Database db = Database.at("jdbc:postgresql://db.example/ops?user=opsbook", password);
    Properties parsed = org.postgresql.Driver.parseURL(db.url(), new Properties());
    assertThat(parsed).as("as the driver reads the URL").containsEntry("password", password)
        .containsEntry("user", "opsbook");
    assertThat(db.describe()).doesNotContain("p@ss", "p%40ss").contains("password=***");
    assertThat(Database.at("jdbc:postgresql://db.example/ops", "pw").url()).endsWith("/ops?password=pw");
  }

  @Test
  void aPasswordGivenTwiceOrForAnEmbeddedDatabaseIsRefused() {
    assertThatThrownBy(() -> Database.at("jdbc:postgresql://h/ops?user=u&Password=x", "pw"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not both");
    assertThatThrownBy(() -> Database.at("jdbc:h2:mem:ops", "pw")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("server");
    assertThatThrownBy(() -> Database.at("jdbc:postgresql://h/ops", "")).isInstanceOf(IllegalArgumentException.class);
  }
}
