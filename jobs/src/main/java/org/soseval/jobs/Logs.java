package org.soseval.jobs;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.soseval.pipeline.PipelineErrors;

/**
 * Where the run's log goes. Spark's and our own detailed logging go to this file (through
 * log4j2.properties); the terminal shows only progress and results.
 */
final class Logs {
  static final String PROPERTY = "sos.log.file";

  private Logs() {}

  /** Directs the log to {@code file}; call before Spark (or anything using log4j) starts. */
  static Path use(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    try {
      Files.createDirectories(absolute.getParent());
    } catch (IOException e) {
      throw PipelineErrors.usage(
          "Cannot create the log folder " + absolute.getParent(),
          e.getClass().getSimpleName() + " (a file may be in the way, or the folder not writable)",
          "Give an output folder that is a writable folder or does not exist yet",
          e);
    }
    System.setProperty(PROPERTY, absolute.toString());
    return absolute;
  }

  static Path current() {
    String configured = System.getProperty(PROPERTY);
    return configured != null
        ? Path.of(configured)
        : Path.of(System.getProperty("java.io.tmpdir"), "sos-eval.log");
  }

  /** Appends a failure's stack trace to the log. */
  static void logFailure(Throwable failure) {
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    try {
      Path log = current();
      Files.createDirectories(log.toAbsolutePath().getParent());
      Files.writeString(
          log,
          Instant.now() + " ERROR sos-eval: " + trace,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException ignored) {
      // the terminal message still names the failure
    }
  }
}
