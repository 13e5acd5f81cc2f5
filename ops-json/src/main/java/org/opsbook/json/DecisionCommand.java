package org.opsbook.json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One command of the JSON decision API ({@code classify}, {@code obligations}, {@code notify} …): a request
 * document in, a response document out. Implementations are stateless and thread-safe; bad input throws
 * {@link org.opsbook.core.InvalidInputException} naming the JSON path.
 */
public interface DecisionCommand {
  /** The command's name, as typed after {@code ./opsbook} and after {@code /v1/}. */
  String name();

  /** Answers one request. */
  JsonNode handle(JsonNode request);
}
