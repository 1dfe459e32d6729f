package org.soseval.pipeline.ingest;

import java.util.Objects;

/** Why a row was quarantined: the field at fault (or a rule's main field), the rule, a message. */
public record Violation(String field, String rule, String message) {
  public Violation {
    Objects.requireNonNull(field, "field is null");
    Objects.requireNonNull(rule, "rule is null");
    Objects.requireNonNull(message, "message is null");
  }
}
