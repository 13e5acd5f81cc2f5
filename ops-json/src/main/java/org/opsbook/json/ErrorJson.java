package org.opsbook.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.opsbook.core.InvalidInputException;

/**
 * The error documents of the decision API:
 * {@code {"error": {"code": "INVALID_INPUT", "field": "...", "message": "..."}}},
 * {@code {"error": {"code": "INTERNAL", "message": "..."}}} and {@code UNKNOWN_COMMAND}.
 */
public final class ErrorJson {
  /** Bad input: exit 2, HTTP 400. */
  public static final String INVALID_INPUT = "INVALID_INPUT";
  /** An unexpected failure: exit 1, HTTP 500. */
  public static final String INTERNAL = "INTERNAL";
  /** No such command: exit 2, HTTP 404. */
  public static final String UNKNOWN_COMMAND = "UNKNOWN_COMMAND";

  private ErrorJson() {}

  /** Returns the INVALID_INPUT document for {@code e}, naming its field and, if any, its rule. */
  public static ObjectNode invalidInput(InvalidInputException e) {
    ObjectNode root = OpsJson.object();
    ObjectNode err = root.putObject("error");
    err.put("code", INVALID_INPUT);
    err.put("field", e.field());
    err.put("message", e.reason());
    e.ruleId().ifPresent(r -> err.put("ruleId", r.value()));
    return root;
  }

  /** Returns an error document with {@code code} and {@code message}. */
  public static ObjectNode error(String code, String message) {
    ObjectNode root = OpsJson.object();
    ObjectNode err = root.putObject("error");
    err.put("code", code);
    err.put("message", message);
    return root;
  }
}
