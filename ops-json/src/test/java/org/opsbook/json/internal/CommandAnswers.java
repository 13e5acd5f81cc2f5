package org.opsbook.json.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.opsbook.json.DecisionApi;

/** How the command tests put a request to the decision API and check which kind of answer came back. */
final class CommandAnswers {
  private CommandAnswers() {
  }

  /** The answer to a request written with single quotes where JSON has double ones. */
  static DecisionApi.Response run(DecisionApi api, String command, String json) {
    return api.execute(command, json.replace('\'', '"'));
  }

  /** The body of an answered request: exit status 0. */
  static JsonNode ok(DecisionApi.Response r) {
    assertThat(r.exitCode()).as(r.bodyText()).isZero();
    return r.body();
  }

  /** The error of a request refused as invalid input: exit status 2, HTTP 400, code INVALID_INPUT. */
  static JsonNode invalid(DecisionApi.Response r) {
    assertThat(r.exitCode()).as(r.bodyText()).isEqualTo(2);
    assertThat(r.httpStatus()).isEqualTo(400);
    assertThat(r.body().at("/error/code").asText()).isEqualTo("INVALID_INPUT");
    return r.body().get("error");
  }

  /** The rule IDs of the duties an answer lists under {@code obligations}, in its order. */
  static List<String> ruleIds(JsonNode body) {
    List<String> ids = new ArrayList<>();
    body.get("obligations").forEach(o -> ids.add(o.get("ruleId").asText()));
    return ids;
  }
}
