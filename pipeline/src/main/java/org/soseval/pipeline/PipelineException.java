package org.soseval.pipeline;

import java.util.Objects;

/**
 * A failure the user can fix: bad options or configuration, or input that was rejected. The message
 * says what went wrong, why, and what to do. Built by {@link PipelineErrors}.
 */
public final class PipelineException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What kind of failure, which decides the command's exit code. */
  public enum Kind {
    /** Options or configuration the user must change (exit code 2). */
    USAGE(2),
    /** Input files that were rejected (exit code 3). */
    INPUT_REJECTED(3);

    private final int exitCode;

    Kind(int exitCode) {
      this.exitCode = exitCode;
    }

    public int exitCode() {
      return exitCode;
    }
  }

  private final Kind kind;

  PipelineException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind is null");
  }

  public Kind kind() {
    return kind;
  }
}
