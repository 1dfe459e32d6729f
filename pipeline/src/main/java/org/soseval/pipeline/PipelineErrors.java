package org.soseval.pipeline;

import java.util.Locale;

/** Builds the user-facing errors, each with its problem, cause and fix, in one place. */
public final class PipelineErrors {
  private PipelineErrors() {}

  /** Options or configuration that cannot work: {@code "<problem>: <cause>. <fix>"}. */
  public static PipelineException usage(String problem, String cause, String fix) {
    return new PipelineException(PipelineException.Kind.USAGE, message(problem, cause, fix), null);
  }

  /** As {@link #usage(String, String, String)}, keeping the exception that revealed it. */
  public static PipelineException usage(
      String problem, String cause, String fix, Throwable revealedBy) {
    return new PipelineException(
        PipelineException.Kind.USAGE, message(problem, cause, fix), revealedBy);
  }

  /** Input that was rejected; the message lists the files and reasons. */
  public static PipelineException inputRejected(String problem, String cause, String fix) {
    return new PipelineException(
        PipelineException.Kind.INPUT_REJECTED, message(problem, cause, fix), null);
  }

  private static String message(String problem, String cause, String fix) {
    return String.format(Locale.ROOT, "%s: %s. %s", problem, cause, fix);
  }
}
