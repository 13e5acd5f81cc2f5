package org.opsbook.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opsbook.examples.cli.Commands;
import org.opsbook.examples.http.OpsHttpServer;

/** The browser harness itself: a page served by the example server is loaded, scripted and clicked. */
class HeadlessChromiumTest {
  @Test
  void loadsAPageRunsItsScriptAndClicks() throws Exception {
    // the server's Content-Security-Policy allows scripts from the page's origin only, never inline ones
    String page = "<!doctype html><html><body><button id=b>go</button><script src=/page.js></script></body></html>";
    String script = "document.getElementById('b').onclick = function () { this.textContent = 'clicked'; };"
        + " document.title = 'ready';";
    try (OpsHttpServer server = OpsHttpServer.builder(Commands.decisionApi()).port(0)
            .route("/page.js", ex -> new OpsHttpServer.Reply(200, "text/javascript; charset=utf-8", script))
            .route("/page", ex -> new OpsHttpServer.Reply(200, "text/html; charset=utf-8", page))
            .build().start();
         HeadlessChromium chrome = HeadlessChromium.launch()) {
      chrome.navigate("http://127.0.0.1:" + server.port() + "/page");
      chrome.waitFor("document.title === 'ready'", Duration.ofSeconds(20));
      chrome.eval("document.getElementById('b').click()");
      assertThat(chrome.eval("document.getElementById('b').textContent").asText()).isEqualTo("clicked");
    }
  }
}
