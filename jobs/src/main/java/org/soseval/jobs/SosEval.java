package org.soseval.jobs;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.soseval.pipeline.PipelineException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The {@code sos-eval} command line. Exit codes: 0 success; 2 usage or configuration error; 3 input
 * rejected; 1 unexpected failure (a one-line message and the log path; the stack trace with {@code
 * --debug}).
 */
@Command(
    name = "sos-eval",
    mixinStandardHelpOptions = true,
    versionProvider = SosEval.Version.class,
    description = "Evaluation analytics for children's social care practice models.",
    subcommands = {
      GenerateCommand.class,
      IngestCommand.class,
      IndicatorsCommand.class,
      DemoCommand.class,
      EvaluateCommand.class,
      PanelCommand.class,
      BenchmarkCommand.class,
      CheckEesCommand.class,
      CommandLine.HelpCommand.class
    })
public final class SosEval implements Runnable {
  static final int UNEXPECTED_FAILURE = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command line and returns its exit code (for tests and for {@link #main}). */
  static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine commandLine = new CommandLine(new SosEval());
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    commandLine.setExecutionExceptionHandler(new FailureHandler(err));
    return commandLine.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "Missing command: choose one of generate, ingest, indicators, demo, evaluate, panel, benchmark, check-ees (see --help)");
  }

  /** Maps failures to exit codes and one-line messages. */
  private static final class FailureHandler implements IExecutionExceptionHandler {
    private final PrintStream err;

    FailureHandler(PrintStream err) {
      this.err = err;
    }

    @Override
    public int handleExecutionException(
        Exception exception, CommandLine commandLine, ParseResult parseResult) {
      boolean debug = Options.debug(parseResult);
      if (exception instanceof PipelineException failure) {
        err.println("sos-eval: " + failure.getMessage());
        if (debug) {
          failure.printStackTrace(err);
        }
        return failure.kind().exitCode();
      }
      Path log = Logs.current();
      Logs.logFailure(exception);
      err.println(
          "sos-eval: unexpected failure: "
              + oneLine(exception)
              + " (details in "
              + log
              + "; rerun with --debug for the stack trace)");
      if (debug) {
        exception.printStackTrace(err);
      }
      return UNEXPECTED_FAILURE;
    }

    private static String oneLine(Throwable exception) {
      String message = exception.getMessage();
      String text = exception.getClass().getSimpleName() + (message == null ? "" : ": " + message);
      int newline = text.indexOf('\n');
      return newline < 0 ? text : text.substring(0, newline);
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = SosEval.class.getPackage().getImplementationVersion();
      return new String[] {"sos-eval " + (version == null ? "development build" : version)};
    }
  }
}
