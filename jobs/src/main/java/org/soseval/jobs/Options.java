package org.soseval.jobs;

import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/** Options every command takes. */
final class Options {
  @Option(
      names = "--debug",
      description = "Print stack traces of failures on the terminal as well as in the log.")
  boolean debug;

  static boolean debug(ParseResult parseResult) {
    ParseResult current = parseResult;
    while (current != null) {
      if (current.hasMatchedOption("--debug")) {
        return true;
      }
      current = current.subcommand();
    }
    return false;
  }
}
