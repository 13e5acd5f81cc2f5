package org.opsbook.core;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;
import org.opsbook.core.internal.text.CodePoints;

/**
 * Bad input: a negative count, a timestamp without an offset, an unknown field, role or enum value, a missing value
 * a rule needs, or events out of order. It names the offending field as a JSON-style path ({@code complaintCount},
 * {@code facts.complaintCount}, {@code steps[1].actor.roles[0]}) and, where a rule demands the value, that rule.
 *
 * <p>Whatever raised it has changed nothing. Phone and ID-card numbers quoted in the reason are masked
 * ({@link Masking#phonesIn}), and the field, the reason and the message are each one line, the control, invisible and
 * line-breaking characters a caller put in a field's name or value escaped ({@link OpsException}): the error is safe
 * to log.
 */
public final class InvalidInputException extends OpsException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final transient RuleId ruleId;
  private final String reason;

  /**
   * Creates the error.
   *
   * @param field the path of the offending field, never null (use {@code ""} for the whole document)
   * @param reason what is wrong, in lower case, naming the value
   */
  public InvalidInputException(String field, String reason) {
    this(field, reason, null, null);
  }

  /**
   * Creates the error for a value a rule needs.
   *
   * @param field the path of the offending field
   * @param reason what is wrong
   * @param ruleId the rule that demands the value, or null
   */
  public InvalidInputException(String field, String reason, RuleId ruleId) {
    this(field, reason, ruleId, null);
  }

  /**
   * Creates the error with its cause.
   *
   * @param field the path of the offending field
   * @param reason what is wrong
   * @param ruleId the rule that demands the value, or null
   * @param cause the underlying failure, or null
   */
  public InvalidInputException(String field, String reason, RuleId ruleId, Throwable cause) {
    super(message(field, Masking.phonesIn(checkNotNull(reason, "reason")), ruleId), cause);
    this.field = CodePoints.escaped(checkNotNull(field, "field"));
    this.reason = CodePoints.escaped(Masking.phonesIn(reason));
    this.ruleId = ruleId;
  }

  private static String message(String field, String reason, RuleId ruleId) {
    String where = field == null || field.isEmpty() ? "" : field + ": ";
    return where + reason + (ruleId == null ? "" : " (" + ruleId + ")");
  }

  /** Returns the path of the offending field; empty for the whole document. */
  public String field() {
    return field;
  }

  /** Returns the rule that demands the value, if one does. */
  public Optional<RuleId> ruleId() {
    return Optional.ofNullable(ruleId);
  }

  /** Returns what is wrong, without the field and rule decoration of {@link #getMessage()}. */
  public String reason() {
    return reason;
  }

  /**
   * Returns the same error with its field nested under {@code prefix}: {@code complaintCount} under {@code facts}
   * becomes {@code facts.complaintCount}; {@code [2]} under {@code steps} becomes {@code steps[2]}.
   */
  public InvalidInputException under(String prefix) {
    if (prefix == null || prefix.isEmpty()) {
      return this;
    }
    String nested;
    if (field.isEmpty()) {
      nested = prefix;
    } else if (field.startsWith("[")) {
      nested = prefix + field;
    } else {
      nested = prefix + "." + field;
    }
    return new InvalidInputException(nested, reason, ruleId, getCause());
  }
}
