package org.opsbook.examples.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.core.Person;
import org.opsbook.core.Role;
import org.opsbook.core.memory.InMemoryDirectory;
import org.opsbook.examples.cli.Commands;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * Under TLS the session cookie is {@code Secure} with the {@code __Host-} prefix (a browser then refuses it over plain
 * HTTP or from a sub-domain) and the answers carry HSTS. The key store is made by the JDK's keytool.
 */
class TlsServerTest {
  @Test
  void underTlsTheCookieIsSecureAndHostBoundAndHstsIsSent(@TempDir Path dir) throws Exception {
    Path keystore = dir.resolve("server.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "opsbook", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
        "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-storepass",
        "test-pass", "-keystore", keystore.toString()).redirectErrorStream(true).start();
    String log = new String(keytool.getInputStream().readAllBytes(), UTF_8);
    assertThat(keytool.waitFor()).as(log).isZero();

    InMemoryDirectory people = InMemoryDirectory.of(List.of(Person.builder().id("lisi").name("李四")
        .addRoles(Role.FAULT_TEAM_LEADER).build()));
    try (OpsHttpServer server = OpsHttpServer.builder(Commands.decisionApi()).port(0).tls(keystore, "test-pass")
        .signIn(SignIn.passwords(people, Credentials.hashed(Map.of("lisi", BCrypt.hashpw("pw", BCrypt.gensalt(4))))))
        .build().start()) {
      assertThat(server.scheme()).isEqualTo("https");
      KeyStore trust = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(keystore)) {
        trust.load(in, "test-pass".toCharArray());
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, tmf.getTrustManagers(), null);
      HttpClient client = HttpClient.newBuilder().sslContext(ssl).cookieHandler(new CookieManager()).build();

      HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port()
          + "/login")).POST(HttpRequest.BodyPublishers.ofString("id=lisi&password=pw"))
          .header("Content-Type", "application/x-www-form-urlencoded").build(), HttpResponse.BodyHandlers.ofString());

      assertThat(login.statusCode()).isEqualTo(303);
      assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("__Host-opsbook-session=")
          .contains("Secure", "HttpOnly", "SameSite=Strict", "Path=/");
      assertThat(login.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v ->
          assertThat(v).startsWith("max-age="));
      HttpResponse<String> session = client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:"
          + server.port() + "/api/session")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(session.statusCode()).isEqualTo(200);
      assertThat(session.body()).contains("\"id\":\"lisi\"");
    }
  }
}
