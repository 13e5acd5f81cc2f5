package org.opsbook.rules.internal.catalog;

/** What a rule of the catalog does; a rule may have several kinds ({@code GUARD} + {@code OBLIGATION}). */
public enum RuleKind {
  /** Adds to a classification (the 一级/二级 criteria). */
  CLASSIFY,
  /** Creates a duty with an actor, a target and a due time. */
  OBLIGATION,
  /** A precondition a workflow transition must meet; the transition is refused if it fails. */
  GUARD,
  /** Data that must be captured. */
  RECORD,
  /** A definition (a set, a permission, a reading of the manual's terms). */
  DEF,
  /** A message or document format, verbatim from the manual. */
  TEMPLATE,
  /** A principle a machine cannot check; shown as a checklist item or an {@code advice} entry. */
  ADVISORY,
  /** A rule whose steps form an ordered checklist (its steps are rules of kind {@link #CHECKLIST_STEP}). */
  CHECKLIST,
  /** One step of a checklist rule ({@code ESC-REQ-02.3}). */
  CHECKLIST_STEP,
  /** A rule that only points at other rules. */
  CROSS_REFERENCE,
  /** A declared state-machine transition ({@code SM-…-Tnn}), rebuilt from the manual's prose. */
  TRANSITION,
  /** A reading of a bound (以上, 以内, 超过 …); proposed by the catalog, not the manual. */
  BOUNDARY,
  /** A reading of time (calendar, 下班, elapsed days); proposed by the catalog, not the manual. */
  TIME
}
