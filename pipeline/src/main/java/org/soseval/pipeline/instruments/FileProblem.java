package org.soseval.pipeline.instruments;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file rejected whole (unreadable encoding, unrecognised columns, a direct identifier), with the
 * rule id and a message that says what to change.
 */
public record FileProblem(Path file, String rule, String message) {
  public FileProblem {
    Objects.requireNonNull(file, "file is null");
    Objects.requireNonNull(rule, "rule is null");
    Objects.requireNonNull(message, "message is null");
  }

  @Override
  public String toString() {
    return file + ": " + message + " [" + rule + "]";
  }
}
