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
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./opsbook} launcher, run on a copy of the repository's layout with a stand-in {@code java} and
 * {@code mvn} that only record how they were called: it rebuilds when a source is newer than the jar, writes the
 * class-data-sharing archive on the first run after a build and maps it on later runs, and writes a new one when the
 * java binary changes, also behind the same path (an alternatives switch). Called through a symbolic link it finds
 * the repository the link points into; without java, or without mvn when it must build, it says so in one line.
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

  @Test
  void throughASymbolicLinkElsewhereItRunsTheJarOfTheRepositoryTheLinkPointsInto() throws Exception {
    Path links = Files.createDirectories(dir.resolve("links")).toRealPath();
    Files.createSymbolicLink(links.resolve("opsbook"), root.resolve("opsbook"));
    Files.createSymbolicLink(links.resolve("ob"), Path.of("..", "repo", "opsbook"));
    assertThat(launch(dir, bin + ":/usr/bin:/bin", links.resolve("opsbook").toString()).status()).isZero();
    assertThat(launch(links, bin + ":/usr/bin:/bin", "./ob").status()).isZero();
    // a readlink without -f (older macOS): the link is followed one step at a time
    Path oldReadlink = Files.createDirectories(dir.resolve("old-readlink"));
    Files.writeString(oldReadlink.resolve("readlink"), "#!/usr/bin/env bash\n"
        + "case \"$1\" in -f) echo \"readlink: illegal option -- f\" >&2; exit 1;; esac\nexec /bin/readlink \"$@\"\n");
    executable(oldReadlink.resolve("readlink"));
    assertThat(launch(dir, oldReadlink + ":" + bin + ":/usr/bin:/bin", links.resolve("ob").toString()).status())
        .isZero();
    List<String> calls = calls();
    assertThat(calls).hasSize(3).noneMatch(c -> c.startsWith("mvn"))
        .allMatch(c -> c.contains("-cp " + jar + " org.opsbook.examples.cli.Main classify"));
  }

  @Test
  void withoutJavaOnThePathItSaysSoInOneLineAndExits127() throws Exception {
    Launch r = launch(root, tools().toString(), "./opsbook");
    assertThat(r.status()).isEqualTo(127);
    assertThat(r.output().strip()).isEqualTo(
        "opsbook: java is not on the PATH; install a JDK 17 or later and put its bin directory on the PATH");
    assertThat(calls()).isEmpty();
  }

  @Test
  void withoutMavenItRunsABuiltJarAndSaysSoInOneLineWhenItMustBuild() throws Exception {
    Path tools = tools();
    Files.createSymbolicLink(tools.resolve("java"), jdkA);
    assertThat(launch(root, tools.toString(), "./opsbook").status()).isZero();
    assertThat(calls()).hasSize(1);

    Path source = root.resolve("ops-core/src/main/java/Example.java");
    Files.setLastModifiedTime(source, FileTime.from(Instant.now().plusSeconds(5)));
    Launch r = launch(root, tools.toString(), "./opsbook");
    assertThat(r.status()).isEqualTo(127);
    assertThat(r.output().strip()).startsWith("opsbook: mvn is not on the PATH").doesNotContain("\n");
    assertThat(calls()).hasSize(1);
  }

  private void run(String script) throws Exception {
    run(script, "classify");
  }

  private void run(String script, String command) throws Exception {
    Launch r = launch(root, bin + ":/usr/bin:/bin", script, command);
    assertThat(r.status()).as("exit status; output: %s", r.output()).isZero();
  }

  private record Launch(int status, String output) {}

  private Launch launch(Path workDir, String path, String script) throws Exception {
    return launch(workDir, path, script, "classify");
  }

  private Launch launch(Path workDir, String path, String script, String command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(List.of(script, command)).directory(workDir.toFile());
    pb.environment().put("PATH", path);
    pb.environment().remove("OPSBOOK_CDS");
    pb.environment().remove("OPSBOOK_JAVA_OPTS");
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the launcher finished").isTrue();
    return new Launch(p.exitValue(), out);
  }

  /** A directory of the commands the launcher and the stand-in java use, and neither java nor mvn. */
  private Path tools() throws IOException {
    Path tools = Files.createDirectories(dir.resolve("tools"));
    for (String name : List.of("bash", "find", "mktemp", "rm", "cat", "mv", "dirname", "readlink")) {
      Path found = Stream.of("/usr/bin", "/bin").map(d -> Path.of(d, name)).filter(Files::isExecutable).findFirst()
          .orElseThrow(() -> new IllegalStateException(name + " is in neither /usr/bin nor /bin"));
      Files.createSymbolicLink(tools.resolve(name), found);
    }
    return tools;
  }

  private List<String> calls() throws IOException {
    return Files.exists(log) ? Files.readAllLines(log, UTF_8) : List.of();
  }

  private static void executable(Path file) throws IOException {
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
