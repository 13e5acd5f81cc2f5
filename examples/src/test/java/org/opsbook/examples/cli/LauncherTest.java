package org.opsbook.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./opsbook} launcher, run on a copy of the repository's layout with a stand-in {@code java} and
 * {@code mvn} that only record how they were called: it rebuilds when a source is newer than the jar, writes the
 * class-data-sharing archive on the first run after a build and maps it on later runs, and writes a new one when the
 * java binary changes, also behind the same path (an alternatives switch).
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class LauncherTest {
  @TempDir
  Path dir;

  private Path root;
  private Path jar;
  private Path log;
  private Path jdkA;
  private Path jdkB;
  private Path bin;

  @BeforeEach
  void layout() throws IOException {
    root = Files.createDirectories(dir.resolve("repo")).toRealPath();
    Files.copy(Path.of("..", "opsbook"), root.resolve("opsbook"));
    executable(root.resolve("opsbook"));
    Files.writeString(root.resolve("pom.xml"), "<project/>");
    Path source = root.resolve("ops-core/src/main/java/Example.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, "class Example {}");
    Files.setLastModifiedTime(source, FileTime.from(Instant.now().minusSeconds(3600)));
    Files.setLastModifiedTime(root.resolve("pom.xml"), FileTime.from(Instant.now().minusSeconds(3600)));
    jar = root.resolve("examples/target/opsbook-cli.jar");
    Files.createDirectories(jar.getParent());
    Files.writeString(jar, "jar");
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
    log = dir.resolve("calls.log");
    // a stand-in java: records its arguments and writes the archive it is asked for
    String java = "#!/usr/bin/env bash\necho \"$(readlink -f \"$0\") $*\" >>'" + log + "'\n"
        + "for a in \"$@\"; do case \"$a\" in -XX:ArchiveClassesAtExit=*) echo jsa >\"${a#*=}\";; esac; done\n";
    jdkA = dir.toRealPath().resolve("jdk-a/bin/java");
    jdkB = dir.toRealPath().resolve("jdk-b/bin/java");
    for (Path j : List.of(jdkA, jdkB)) {
      Files.createDirectories(j.getParent());
      Files.writeString(j, java);
      executable(j);
    }
    bin = dir.resolve("bin");
    Files.createDirectories(bin);
    Files.createSymbolicLink(bin.resolve("java"), jdkA);
    Files.writeString(bin.resolve("mvn"), "#!/usr/bin/env bash\necho \"mvn $*\" >>'" + log + "'\n"
        + "echo rebuilt >'" + jar + "'\n");
    executable(bin.resolve("mvn"));
  }

  @Test
  void theFirstRunWritesTheArchiveAndLaterRunsMapItWhateverPathRunsTheScript() throws Exception {
    run(root.resolve("opsbook").toString());
    Path jsa = root.resolve("examples/target/opsbook-cli.jsa");
    assertThat(calls()).hasSize(1);
    assertThat(calls().get(0)).startsWith(jdkA.toString()).contains("-XX:ArchiveClassesAtExit=")
        .contains("-cp " + jar + " org.opsbook.examples.cli.Main classify");
    assertThat(jsa).exists();

    run("./opsbook");
    run(root.resolve("opsbook").toString());
    assertThat(calls()).hasSize(3);
    assertThat(calls().get(1)).contains("-XX:SharedArchiveFile=" + jsa).contains("-Xint")
        .contains("-cp " + jar + " org.opsbook.examples.cli.Main classify");
    assertThat(calls().get(2)).contains("-XX:SharedArchiveFile=" + jsa);
  }

  @Test
  void anotherJavaBehindTheSamePathWritesANewArchive() throws Exception {
    run("./opsbook");
    run("./opsbook");
    assertThat(calls().get(1)).startsWith(jdkA.toString()).contains("-XX:SharedArchiveFile=");

    Files.delete(bin.resolve("java"));
    Files.createSymbolicLink(bin.resolve("java"), jdkB);
    run("./opsbook");
    run("./opsbook");
    assertThat(calls()).hasSize(4);
    assertThat(calls().get(2)).startsWith(jdkB.toString()).contains("-XX:ArchiveClassesAtExit=")
        .doesNotContain("-XX:SharedArchiveFile=");
    assertThat(calls().get(3)).startsWith(jdkB.toString()).contains("-XX:SharedArchiveFile=");
  }

  @Test
  void aSourceNewerThanTheJarRebuildsItBeforeRunning() throws Exception {
    run("./opsbook");
    assertThat(calls()).noneMatch(c -> c.startsWith("mvn"));

    Path source = root.resolve("ops-core/src/main/java/Example.java");
    Files.writeString(source, "class Example { int changed; }");
    Files.setLastModifiedTime(source, FileTime.from(Instant.now().plusSeconds(5)));
    run("./opsbook");
    List<String> calls = calls();
    assertThat(calls.get(1)).startsWith("mvn").contains("-pl examples -am package");
    // the rebuilt jar is newer than the archive: the run after the build writes a new one
    assertThat(calls.get(2)).contains("-XX:ArchiveClassesAtExit=");
    assertThat(Files.readString(jar)).isEqualTo("rebuilt\n");
  }

  @Test
  void classifyRunsInterpretedTheOtherDecisionCommandsOnC1AndTheServerWithEveryCompiler() throws Exception {
    run("./opsbook", "classify");
    run("./opsbook", "classify");
    run("./opsbook", "obligations");
    run("./opsbook", "serve");
    List<String> calls = calls();
    assertThat(calls).hasSize(4);
    assertThat(calls.get(0)).contains(" -Xint ").doesNotContain("TieredStopAtLevel");
    assertThat(calls.get(1)).contains(" -Xint ").doesNotContain("TieredStopAtLevel");
    assertThat(calls.get(2)).contains(" -XX:TieredStopAtLevel=1 ").doesNotContain("-Xint");
    assertThat(calls.get(3)).doesNotContain("-Xint").doesNotContain("TieredStopAtLevel");
  }

  private void run(String script) throws Exception {
    run(script, "classify");
  }

  private void run(String script, String command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(List.of(script, command)).directory(root.toFile());
    pb.environment().put("PATH", bin + ":/usr/bin:/bin");
    pb.environment().remove("OPSBOOK_CDS");
    pb.environment().remove("OPSBOOK_JAVA_OPTS");
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the launcher finished").isTrue();
    assertThat(p.exitValue()).as("exit status; output: %s", out).isZero();
  }

  private List<String> calls() throws IOException {
    return Files.exists(log) ? Files.readAllLines(log, UTF_8) : List.of();
  }

  private static void executable(Path file) throws IOException {
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
