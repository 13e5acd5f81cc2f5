package org.opsbook.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opsbook.json.OpsJson;

/**
 * Every example of {@code docs/decision-api.md} is run through the command line ({@link Main#run}) and its exit
 * status and response compared with the document, so that the project's contract shows what the tool answers.
 */
class DecisionApiDocTest {
  private static final Pattern EXAMPLE = Pattern.compile(
      "<!-- example ([a-z-]+): exit (\\d) -->\\s*\\nRequest:\\s*\\n```json\\n(.*?)```\\s*\\nResponse:\\s*\\n"
          + "```json\\n(.*?)```",
      Pattern.DOTALL);

  record Example(String command, int exit, String request, String response) {
    @Override
    public String toString() {
      return command + " (exit " + exit + ")";
    }
  }

  static Path doc() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("docs/decision-api.md"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("docs/decision-api.md above the working directory").isNotNull();
    return dir.resolve("docs/decision-api.md");
  }

  static List<Example> examples() throws IOException {
    Matcher matcher = EXAMPLE.matcher(Files.readString(doc(), UTF_8));
    List<Example> examples = new ArrayList<>();
    while (matcher.find()) {
      examples.add(new Example(matcher.group(1), Integer.parseInt(matcher.group(2)), matcher.group(3),
          matcher.group(4)));
    }
    return examples;
  }

  static Stream<Example> everyExample() throws IOException {
    return examples().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyExample")
  void theCommandLineAnswersAsTheDocumentSays(Example example) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = Main.run(new String[] {example.command()},
        new ByteArrayInputStream(example.request().getBytes(UTF_8)), new PrintStream(out, true, UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, UTF_8));
    JsonNode actual = OpsJson.parse(out.toString(UTF_8));
    assertThat(status).as("exit status of %s", example).isEqualTo(example.exit());
    assertThat(actual).as("response of %s; the tool answered:%n%s", example, actual)
        .isEqualTo(OpsJson.parse(example.response()));
  }

  @Test
  void everyCommandHasAnExampleAndTheDocumentLinksNoSharedFiles() throws IOException {
    List<String> commands = examples().stream().map(Example::command).toList();
    assertThat(commands).contains("classify", "obligations", "notify", "dataop", "extraction-window", "report",
        "cutover", "fault", "bug", "ticket");
    String text = Files.readString(doc(), UTF_8);
    assertThat(text).doesNotContain("../shared").contains("](rules.md#");
  }

  @Test
  void everyRuleIdInTheProseLinksToTheRuleReference() throws IOException {
    String prose = Files.readString(doc(), UTF_8)
        .replaceAll("(?s)```.*?```", "")
        .replaceAll("\\[[^\\]]*\\]\\([^)]*\\)", "");
    Matcher ids = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-[A-Z]?[0-9]{2}(?:\\.[0-9]{1,2})?\\b")
        .matcher(prose);
    List<String> unlinked = new ArrayList<>();
    while (ids.find()) {
      if (!ids.group().startsWith("ISO-")) {
        unlinked.add(ids.group());
      }
    }
    assertThat(unlinked).as("rule IDs outside examples that do not link to rules.md").isEmpty();
  }
}
