package org.soseval.pipeline;

/** Receives progress messages from long steps; the command line prints them on stderr. */
@FunctionalInterface
public interface Progress {
  Progress SILENT = message -> {};

  void report(String message);
}
