package org.opsbook.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.opsbook.core.FaultFacts;
import org.opsbook.json.DecisionCommand;
import org.opsbook.rules.classify.FaultClassifier;

/**
 * {@code classify}: a {@code FaultFacts} document in, the fault's level out (decision-api.md):
 * {@code {"level", "severityLabel", "escalated", "matchedRules", "matchedRulesAllLevels"}}, and
 * {@code "assumptions"} naming the absent facts whose default changes the level ({@link FactAssumptions}).
 * Thread-safe.
 */
public final class ClassifyCommand implements DecisionCommand {
  private final FaultClassifier classifier;

  /** Creates the command over {@code classifier}. */
  public ClassifyCommand(FaultClassifier classifier) {
    this.classifier = classifier;
  }

  /** Creates the command with the catalog defaults. */
  public ClassifyCommand() {
    this(FaultClassifier.standard());
  }

  @Override
  public String name() {
    return "classify";
  }

  @Override
  public JsonNode handle(JsonNode request) {
    FaultFacts facts = FaultFactsJson.read(request, "");
    ObjectNode out = ClassificationJson.write(classifier.classify(facts));
    FactAssumptions.write(out, FactAssumptions.of(request, facts, classifier::classify));
    return out;
  }
}
