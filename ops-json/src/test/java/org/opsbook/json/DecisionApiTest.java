package org.opsbook.json;

import org.opsbook.json.internal.FaultFactsJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
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
  @DisplayName("a key or value with a line break or a bidirectional override is named on one line")
  void anInvalidInputErrorIsOneLineWhateverTheRequestHolds() {
    DecisionApi standard = DecisionApi.standard();
    DecisionApi.Response key = standard.execute("classify", "{\"bogus\\nINFO [opsbook] forged\": 1}");
    DecisionApi.Response value = standard.execute("bug",
        "{\"steps\": [{\"event\": \"a\\u202eb\\nforged\", \"at\": \"2026-11-25T10:00:00+08:00\"}]}");

    assertThat(key.body().at("/error/field").asText()).isEqualTo("bogus\\nINFO [opsbook] forged");
    assertThat(key.body().at("/error/message").asText()).startsWith("unknown field 'bogus\\nINFO [opsbook] forged'");
    assertThat(value.body().at("/error/field").asText()).isEqualTo("steps[0].event");
    assertThat(value.body().at("/error/message").asText()).isEqualTo("unknown SM-BUG event 'a\\u202Eb\\nforged'");
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

  @Test
  void aLazyCommandIsBuiltOnceOnItsFirstUseAndMustAnswerItsName() {
    AtomicInteger built = new AtomicInteger();
    DecisionApi lazy = DecisionApi.builder().register("count", () -> {
      built.incrementAndGet();
      return ECHO_COUNT;
    }).register("misnamed", () -> ECHO_COUNT).build();
    assertThat(lazy.commandNames()).containsExactly("count", "misnamed");
    assertThat(built).as("nothing built before a request").hasValue(0);
    assertThat(lazy.execute("count", "{\"complaintCount\": 3}").exitCode()).isZero();
    assertThat(lazy.execute("count", "{\"complaintCount\": 4}").body().get("complaintCount").asInt()).isEqualTo(4);
    assertThat(built).as("built once").hasValue(1);
    DecisionApi.Response wrong = lazy.execute("misnamed", "{}");
    assertThat(wrong.exitCode()).isEqualTo(1);
    assertThat(wrong.bodyText()).contains("registered as misnamed");
  }

  @Test
  void everyStandardCommandIsRegisteredUnderItsOwnName() {
    DecisionApi standard = DecisionApi.standard();
    assertThat(standard.commandNames()).containsExactly("bug", "classify", "cutover", "dataop", "extraction-window",
        "fault", "notify", "obligations", "report", "ticket");
    for (String name : standard.commandNames()) {
      assertThat(standard.execute(name, "{}").bodyText()).as(name).doesNotContain("registered as");
    }
  }
}
