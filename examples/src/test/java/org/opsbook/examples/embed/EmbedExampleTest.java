package org.opsbook.examples.embed;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's embedding example is one complete class: it compiles on its own against the library's classpath (as
 * {@code javac -cp examples/target/opsbook-cli.jar} does), runs, prints the duties and sends the SMS, after which
 * NOTIFY-TRIG-05 is discharged; and it is {@link EmbedExample} verbatim.
 */
class EmbedExampleTest {
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);

  @Test
  void ESC_ROOM_01_NOTIFY_TRIG_05_theReadmeClassCompilesRunsSendsTheSmsAndDischargesTheDuty(@TempDir Path dir)
      throws Exception {
    String printed = compileAndRun(dir, "EmbedExample", embeddingClass(readme()));

    assertThat(printed).contains("ESC-ROOM-01 ESC_DUTY -> ROOM_MANAGER: phone the room manager",
        "NOTIFY-TRIG-05 DUTY_68284 -> A,B,C: mass-send the fault notification SMS",
        "SMS to 5 people: BOSS系统故障通知:故障时间:2026年11月25日9时20分,故障现象:缴费后无法开机,故障原因:待查,"
            + "影响范围:全市,处理情况:目前IT中心正在抢修,预计恢复时间:待定,故障跟进人:张三 。",
        "due now: ESC-ROOM-01 phone the room manager",
        "NOTIFY-TRIG-05 open: false");
    assertThat(printed).doesNotContain("NOTIFY-TRIG-05 open: true", "SLF4J", "Flyway");
  }

  @Test
  void theReadmeShowsEmbedExampleVerbatimAsOneCompleteClass() throws Exception {
    String example = Files.readString(Path.of("src/main/java/org/opsbook/examples/embed/EmbedExample.java"));
    String withoutPackage = example.replaceFirst("package org\\.opsbook\\.examples\\.embed;\n\n", "");
    String shown = embeddingClass(readme());

    assertThat(shown).isEqualTo(withoutPackage);
    assertThat(shown).startsWith("import ").contains("public static void main(String[] args)");
    assertThat(shown.lines().count()).as("shorter than the 74-line example it replaced").isLessThan(74);
  }

  @Test
  void theReadmeOpensWithATenLineClassifyExampleAndTheTwoCommandQuickStart() throws Exception {
    String readme = readme();
    List<String> blocks = JAVA_BLOCK.matcher(readme).results().map(m -> m.group(1)).toList();
    assertThat(blocks).hasSizeGreaterThanOrEqualTo(2);
    assertThat(blocks.get(0)).contains("FaultClassifier").doesNotContain("OpsEngine");
    assertThat(blocks.get(0).lines().count()).isLessThanOrEqualTo(10);
    assertThat(readme).contains("```bash\n./opsbook demo\nmvn -B -ntp verify\n```");
    assertThat(readme).doesNotContain("../shared/").contains("docs/api.md", "docs/decision-api.md", "docs/rules.md");
  }

  @Test
  void FAULT_CLASS_L2_04_theReadmeClassifyExampleRunsAndPrintsWhatItsCommentSays(@TempDir Path dir) throws Exception {
    String snippet = JAVA_BLOCK.matcher(readme()).results().findFirst().orElseThrow().group(1);
    String comment = snippet.lines().filter(l -> l.startsWith("// ")).findFirst().orElseThrow();
    String program = "import org.opsbook.core.*;\nimport org.opsbook.rules.classify.*;\n"
        + "public class Classify {\n  public static void main(String[] args) {\n" + snippet + "  }\n}\n";

    String printed = compileAndRun(dir, "Classify", program);

    assertThat(comment.substring(3)).startsWith(printed.strip());
    assertThat(printed.strip()).isEqualTo("L2 重大 [FAULT-CLASS-L2-04]");
  }

  /** Compiles {@code source} as {@code className} against the library's classpath, runs it, returns its output. */
  private static String compileAndRun(Path dir, String className, String source) throws Exception {
    Files.writeString(dir.resolve(className + ".java"), source);
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int status = javac.run(null, diagnostics, diagnostics, "-encoding", "UTF-8", "-cp", classpath, "-d",
        dir.toString(), dir.resolve(className + ".java").toString());
    assertThat(status).as(diagnostics.toString(UTF_8)).isZero();
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dfile.encoding=UTF-8", "-Dsun.stdout.encoding=UTF-8", "-Dstdout.encoding=UTF-8",
        "-cp", dir + File.pathSeparator + classpath, className)
        .redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String printed = new String(out, UTF_8);
    assertThat(p.exitValue()).as(printed).isZero();
    return printed;
  }

  /** The README's Java block that declares a class with a {@code main} method. */
  private static String embeddingClass(String readme) {
    Matcher m = JAVA_BLOCK.matcher(readme);
    while (m.find()) {
      if (m.group(1).contains("public static void main(String[] args)")) {
        return m.group(1);
      }
    }
    throw new AssertionError("the README shows no class with a main method");
  }

  private static String readme() throws Exception {
    return Files.readString(Path.of("../README.md"));
  }
}
