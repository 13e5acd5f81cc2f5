package org.opsbook.json;

import org.opsbook.json.internal.FaultFactsJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.opsbook.core.FaultFacts;

class DecisionApiTest {
  private static final DecisionCommand ECHO_COUNT = new DecisionCommand() {
    @Override
    public String name() {
      return "count";
    }

    @Override
    public JsonNode handle(JsonNode request) {
      FaultFacts f = FaultFactsJson.read(request, "");
      return OpsJson.object().put("complaintCount", f.complaintCount());
    }
  };

  private final DecisionApi api = DecisionApi.builder().register(ECHO_COUNT).register(new DecisionCommand() {
    @Override
    public String name() {
      return "boom";
    }

    @Override
    public JsonNode handle(JsonNode request) {
      throw new IllegalStateException("broken");
    }
  }).build();

  @Test
  void successIsExitZeroAnd200() {
    DecisionApi.Response r = api.execute("count", "{\"complaintCount\":7}");
    assertThat(r.exitCode()).isZero();
    assertThat(r.httpStatus()).isEqualTo(200);
    assertThat(r.bodyText()).isEqualTo("{\"complaintCount\":7}");
  }

  @Test
  void invalidInputIsExitTwoAnd400NamingTheField() {
    DecisionApi.Response r = api.execute("count", "{\"complaintCount\":-1}");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.httpStatus()).isEqualTo(400);
    assertThat(r.body().at("/error/code").asText()).isEqualTo("INVALID_INPUT");
    assertThat(r.body().at("/error/field").asText()).isEqualTo("complaintCount");
  }

  @Test
  void unknownCommandIsExitTwo() {
    DecisionApi.Response r = api.execute("nope", "{}");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.body().at("/error/code").asText()).isEqualTo("UNKNOWN_COMMAND");
  }

  @Test
  void anythingElseIsExitOneAnd500() {
    DecisionApi.Response r = api.execute("boom", "{}");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.httpStatus()).isEqualTo(500);
    assertThat(r.body().at("/error/code").asText()).isEqualTo("INTERNAL");
  }

  @Test
  void malformedJsonIsInvalidInput() {
    assertThat(api.execute("count", "{oops").body().at("/error/code").asText()).isEqualTo("INVALID_INPUT");
  }
}
