package org.opsbook.examples.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opsbook.core.json.OpsJson;
import org.opsbook.examples.cli.Commands;

class OpsHttpServerTest {
  private static OpsHttpServer server;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    server = OpsHttpServer.builder(Commands.decisionApi()).port(0).build().start();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static HttpResponse<String> post(String path, String body) throws Exception {
    return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void classifyAnswers200WithTheSameDocumentAsTheCommandLine() throws Exception {
    HttpResponse<String> r = post("/v1/classify", "{\"complaintCount\":55}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(OpsJson.parse(r.body()).get("level").asText()).isEqualTo("L2");
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("json"));
  }

  @Test
  void invalidInputAnswers400NamingTheField() throws Exception {
    HttpResponse<String> r = post("/v1/classify", "{\"complaintCount\":-1}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(OpsJson.parse(r.body()).at("/error/field").asText()).isEqualTo("complaintCount");
  }

  @Test
  void unknownCommandAnswers404() throws Exception {
    HttpResponse<String> r = post("/v1/nope", "{}");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(OpsJson.parse(r.body()).at("/error/code").asText()).isEqualTo("UNKNOWN_COMMAND");
  }

  @Test
  void getOnTheApiIsNotAllowed() throws Exception {
    HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.port() + "/v1/classify")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(405);
  }
}
