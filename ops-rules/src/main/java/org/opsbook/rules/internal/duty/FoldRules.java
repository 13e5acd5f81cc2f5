package org.opsbook.rules.internal.duty;

import org.opsbook.core.OpsParameters;
import org.opsbook.core.spi.WorkCalendar;
import org.opsbook.rules.classify.FaultClassifier;

/** What folding a fault's history needs: the classifier, the parameters and the working-day calendar. */
public interface FoldRules {
  /** Returns the classifier that derives the level from the facts. */
  FaultClassifier classifier();

  /** Returns the parameters (catalog §15). */
  OpsParameters parameters();

  /** Returns the working-day calendar. */
  WorkCalendar calendar();
}
