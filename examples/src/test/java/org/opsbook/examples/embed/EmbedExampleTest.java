package org.opsbook.examples.embed;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The "embed it" example runs as the README promises, and the README quotes its code verbatim. */
class EmbedExampleTest {
  @Test
  void ESC_ROOM_01_NOTIFY_TRIG_05_itPrintsTheDutiesAndSendsTheApprovedSms() {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, UTF_8));
    try {
      EmbedExample.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    String printed = out.toString(UTF_8);
    assertThat(printed).contains("ESC-ROOM-01 ESC_DUTY -> ROOM_MANAGER: phone the room manager",
        "NOTIFY-TRIG-05 DUTY_68284 -> A,B,C: mass-send the fault notification SMS",
        "SMS to 3 people: BOSS系统故障通知:故障时间:2026年11月25日9时20分,故障现象:缴费后无法开机,故障原因:待查,"
            + "影响范围:全市,处理情况:目前IT中心正在抢修,预计恢复时间:待定,故障跟进人:张三 。");
  }

  @Test
  void theReadmeShowsTheExampleVerbatim() throws Exception {
    List<String> source = Files.readAllLines(Path.of("src/main/java/org/opsbook/examples/embed/EmbedExample.java"));
    int start = source.indexOf("  public static void main(String[] args) {") + 1;
    int end = source.subList(start, source.size()).indexOf("  }") + start;
    List<String> body = new ArrayList<>();
    for (String line : source.subList(start, end)) {
      body.add(line.length() >= 4 ? line.substring(4) : line.strip());
    }
    assertThat(body).hasSizeBetween(25, 40);
    String readme = Files.readString(Path.of("../README.md"));
    assertThat(readme).contains("```java\n" + String.join("\n", body) + "\n```");
  }
}
