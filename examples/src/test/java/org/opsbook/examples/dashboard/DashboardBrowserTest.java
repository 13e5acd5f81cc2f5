package org.opsbook.examples.dashboard;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.examples.browser.HeadlessChromium;
import org.opsbook.json.OpsJson;
import org.opsbook.notify.SmsKey;

/**
 * The dashboard in a real headless Chromium over the demo's day, in Chinese: the duty officer signs in and is refused
 * the approval of the draft he wrote (NOTIFY-REVIEW-01); a page of another site posts a form at the approval and is
 * refused; the team leader signs in and approves; the 68284 desk confirms the mass SMS (its classes and the number of
 * people) and it is sent. Chinese renders with real glyphs (CI installs a CJK font). Skipped, with how to install the
 * browser, where Chromium is missing (CI installs it and requires this test).
 */
class DashboardBrowserTest {
  private static final String PENDING = "F-20261126-01/NOTIFICATION/1";
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String ROW = "tr[data-message=\"" + PENDING + "\"]";

  @Test
  void NOTIFY_REVIEW_01_theDutyOfficerIsRefusedACrossSitePostIsRefusedTheTeamLeaderApprovesTheDeskSends(
      @TempDir Path dir) throws Exception {
    HeadlessChromium.binaryOrSkip();
    try (ServedDemo served = ServedDemo.in(dir.resolve("data"));
         HeadlessChromium chrome = HeadlessChromium.launch()) {
      chrome.acceptLanguage("zh-CN,zh;q=0.9");

      signIn(chrome, served, "zhangsan");
      assertThat(text(chrome, "#faults-h")).isEqualTo("未修复故障");
      assertThat(text(chrome, "#repaired-h")).isEqualTo("已修复故障");
      assertThat(text(chrome, "tr[data-fault=\"F-20261125-01\"]")).contains("BOSS", "L2 重大", "已修复");
      assertThat(text(chrome, "tr[data-fault=\"F-20261126-01\"]")).contains("CALLCENTER", "L1 严重",
          "FAULT-CLASS-L1-10", "ESC-PROG-01");
      assertThat(text(chrome, "#clock")).contains("模拟时钟");
      assertThat(text(chrome, "tr[data-fault=\"F-20261126-01\"]")).as("roles in the page's language")
          .contains("赵六 (运营室经理)");
      assertThat(text(chrome, "#roles")).contains("升级投诉值班同事");
      assertThat(chrome.eval(glyphsDiffer("运", "营")).asBoolean()).as("CJK glyphs, not empty boxes").isTrue();
      assertThat(text(chrome, ROW)).contains("IN_REVIEW", "B,C", "14");
      chrome.eval("document.querySelector('" + ROW + " button[data-action=approve]').click()");
      chrome.waitFor("!document.getElementById('notice').hidden", WAIT);
      assertThat(text(chrome, "#notice")).contains("NOTIFY-REVIEW-01");
      assertThat(text(chrome, ROW + " .state")).isEqualTo("IN_REVIEW");
      signOut(chrome);

      signIn(chrome, served, "lisi");
      crossSitePost(chrome, served);
      assertThat(OpsJson.parse(served.as("lisi").get("/api/dashboard").body()).get("messages").get(0)
          .get("state").asText()).as("the cross-site post changed nothing").isEqualTo("IN_REVIEW");

      chrome.navigate(served.url("/"));
      chrome.waitFor("document.querySelector('" + ROW + " button[data-action=approve]')", WAIT);
      chrome.eval("document.querySelector('" + ROW + " button[data-action=approve]').click()");
      chrome.waitFor("(document.querySelector('" + ROW + " .state') || {}).textContent === 'APPROVED'", WAIT);
      assertThat(chrome.eval("!!document.querySelector('" + ROW + " button')").asBoolean())
          .as("the team leader does not hold the 68284 desk: no send button").isFalse();
      signOut(chrome);

      signIn(chrome, served, "sunba");
      chrome.eval("document.querySelector('" + ROW + " button[data-action=send]').click()");
      chrome.waitFor("!document.getElementById('confirm').hidden", WAIT);
      assertThat(text(chrome, "#confirm-text")).contains(PENDING, "B,C", "14");
      assertThat(served.sms()).as("nothing sent before the confirmation").doesNotContain(PENDING);
      chrome.eval("document.getElementById('confirm-yes').click()");
      chrome.waitFor("(document.querySelector('" + ROW + " .state') || {}).textContent === 'SENT'", WAIT);
      assertThat(text(chrome, "#notice")).contains(PENDING, "SENT", "已发送");
      assertThat(served.sms()).contains(PENDING, "CALLCENTER系统故障通知");
      assertThat(chrome.eval("document.getElementById('in-doubt').hidden").asBoolean()).as("nothing in doubt").isTrue();

      // SM-SMS-T05: a send the gateway timed out on is listed for the desk, which sends it again after confirming
      SmsKey doubt = served.approvedNotification("F-DOUBT", java.time.Instant.parse("2026-11-26T03:00:00Z"));
      served.timeOutNextSend();
      served.host().engine().messages().release(doubt, "sunba").orThrow();
      served.host().engine().runDueWork();
      String doubtRow = "tr[data-in-doubt=\"" + doubt + "\"]";
      chrome.navigate(served.url("/"));
      chrome.waitFor("document.querySelector('" + doubtRow + " button[data-action=resend]')", WAIT);
      assertThat(text(chrome, "#in-doubt-h")).isEqualTo("发送结果不明的短信");
      assertThat(text(chrome, doubtRow)).contains(doubt.toString(), "已送达", "未送达，重新发送");
      chrome.eval("document.querySelector('" + doubtRow + " button[data-action=resend]').click()");
      chrome.waitFor("!document.getElementById('confirm').hidden", WAIT);
      assertThat(text(chrome, "#confirm-text")).contains(doubt.toString(), "仅在短信平台显示未送达时重发");
      assertThat(served.handedToGateway(doubt.toString())).as("not before the confirmation").isOne();
      chrome.eval("document.getElementById('confirm-yes').click()");
      chrome.waitFor("document.getElementById('in-doubt').hidden", WAIT);
      assertThat(served.handedToGateway(doubt.toString())).isEqualTo(2);
    }
  }

  private static void signIn(HeadlessChromium chrome, ServedDemo served, String id) throws Exception {
    chrome.navigate(served.url("/"));
    chrome.waitFor("document.getElementById('signin')", WAIT);
    assertThat(text(chrome, "h2")).isEqualTo("登录");
    chrome.eval("document.getElementById('id').value = '" + id + "';"
        + "document.getElementById('password').value = '" + ServedDemo.password(id) + "';"
        + "document.getElementById('signin').click()");
    chrome.waitFor("document.querySelector('" + ROW + "') && document.getElementById('me').textContent.includes('"
        + id + "')", WAIT);
  }

  private static void signOut(HeadlessChromium chrome) throws Exception {
    chrome.eval("document.getElementById('signout').click()");
    chrome.waitFor("document.getElementById('signin')", WAIT);
  }

  /**
   * A page of another site (another origin, and another site for the cookie: {@code localhost}, not
   * {@code 127.0.0.1}) submits a {@code text/plain} form at the approval, the classic cross-site "simple request".
   */
  private static void crossSitePost(HeadlessChromium chrome, ServedDemo served) throws Exception {
    HttpServer evil = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String form = "<!doctype html><html><body><form id=f method=post enctype=text/plain action=\""
        + served.url("/api/messages/approve") + "\"><input name='{\"key\":\"" + PENDING + "\",\"x\":\"' "
        + "value='\"}'></form><script>document.getElementById('f').submit()</script></body></html>";
    evil.createContext("/", x -> {
      byte[] b = form.getBytes(UTF_8);
      x.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
      x.sendResponseHeaders(200, b.length);
      x.getResponseBody().write(b);
      x.close();
    });
    evil.start();
    try {
      chrome.navigate("http://localhost:" + evil.getAddress().getPort() + "/");
      chrome.waitFor("location.port === '" + served.port() + "' && document.body"
          + " && document.body.innerText.includes('error')", WAIT);
      assertThat(chrome.eval("document.body.innerText").asText()).contains("CROSS_ORIGIN");
    } finally {
      evil.stop(0);
    }
  }

  /** A script that draws two characters and tells whether their pictures differ (no CJK font draws both as boxes). */
  private static String glyphsDiffer(String a, String b) {
    return "(() => { const draw = ch => { const c = document.createElement('canvas'); c.width = 40; c.height = 40;"
        + " const g = c.getContext('2d'); g.font = '32px sans-serif'; g.fillText(ch, 2, 34);"
        + " return Array.from(g.getImageData(0, 0, 40, 40).data).join(','); };"
        + " return draw('" + a + "') !== draw('" + b + "'); })()";
  }

  private static String text(HeadlessChromium chrome, String selector) throws Exception {
    return chrome.eval("(document.querySelector('" + selector.replace("'", "\\'") + "') || {}).textContent || ''")
        .asText().trim();
  }
}
