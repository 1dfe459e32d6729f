package org.soseval.pipeline.publish;

import java.util.Locale;
import java.util.Objects;

/**
 * One broken EES rule.
 *
 * @param file the file name
 * @param line the line in the file (1 = header; 0 = the file as a whole)
 * @param column the column concerned, or blank
 * @param rule the rule's identifier (see {@link EesChecker})
 * @param message what is wrong and what to do
 * @param severity {@code FAIL} (the file cannot be published) or {@code WARN}
 */
public record EesFailure(
    String file, long line, String column, String rule, String message, Severity severity) {
  /** Whether the file fails or only earns a warning. */
  public enum Severity {
    FAIL,
    WARN
  }

  public EesFailure {
    Objects.requireNonNull(file, "file is null");
    Objects.requireNonNull(column, "column is null");
    Objects.requireNonNull(rule, "rule is null");
    Objects.requireNonNull(message, "message is null");
    Objects.requireNonNull(severity, "severity is null");
  }

  /** {@code file:line:column: FAIL [rule] message}. */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "%s:%d:%s: %s [%s] %s", file, line, column, severity, rule, message);
  }
}
