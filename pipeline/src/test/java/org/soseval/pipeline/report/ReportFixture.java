package org.soseval.pipeline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.soseval.pipeline.Progress;
import org.soseval.pipeline.compare.Evaluation;
import org.soseval.pipeline.compare.EvaluationConfig;
import org.soseval.pipeline.compare.LaYearPanel;
import org.soseval.pipeline.emmie.Emmie;
import org.soseval.pipeline.generate.Design;
import org.soseval.pipeline.generate.InstrumentDeposits;
import org.soseval.pipeline.generate.Pilot;
import org.soseval.pipeline.geography.LocalAuthorities;
import org.soseval.pipeline.instruments.InstrumentSet;
import org.soseval.pipeline.panel.PublishedPanel;
import org.soseval.pipeline.privacy.PseudonymKey;
import org.soseval.pipeline.privacy.Pseudonymiser;

/**
 * One run of the wave-1 example (examples/sos-wave1.yaml, three outcomes, 999 bootstrap draws) on
 * DfE's published statistics and two reports of it, shared by the report tests in this JVM so the
 * evaluation runs once: {@link #written}, the full report as {@code evaluate} writes it when the
 * deposits hold instruments (synthetic instruments for the same pilots and comparison LAs from
 * {@link InstrumentDeposits}, analysed and published by {@link Emmie#run}); and {@link
 * #outcomesOnly}, the report of the outcomes alone.
 */
final class ReportFixture {
  static final Path EXAMPLE = Path.of("../examples/sos-wave1.yaml");
  static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private static ReportFixture instance;

  final EvaluationConfig config;
  final Evaluation.Result result;
  final Path out;
  final Report.Written written;
  final ReportEvidence evidence;
  final Path outcomesOnlyOut;
  final Report.Written outcomesOnly;

  private ReportFixture(
      EvaluationConfig config,
      Evaluation.Result result,
      Path out,
      Report.Written written,
      ReportEvidence evidence,
      Path outcomesOnlyOut,
      Report.Written outcomesOnly) {
    this.config = config;
    this.result = result;
    this.out = out;
    this.written = written;
    this.evidence = evidence;
    this.outcomesOnlyOut = outcomesOnlyOut;
    this.outcomesOnly = outcomesOnly;
  }

  static synchronized ReportFixture get() {
    if (instance == null) {
      instance = create();
    }
    return instance;
  }

  private static ReportFixture create() {
    assertThat(EXAMPLE).as("the example config").isRegularFile();
    EvaluationConfig example = EvaluationConfig.load(EXAMPLE);
    assertThat(example.sources().publicDir().orElseThrow())
        .as("../shared/data/public beside the project")
        .isDirectory();
    EvaluationConfig config =
        new EvaluationConfig(
            example.file(),
            example.name(),
            example.firstYear(),
            example.lastYear(),
            example.pilots(),
            example.comparison(),
            example.excludeImplementationYear(),
            List.of("rereferral_12m_percent", "icpc_rate", "cpp_at31_rate"),
            example.sources(),
            999,
            example.bootstrapSeed(),
            example.disclosure(),
            Optional.empty(),
            Optional.empty());
    try {
      Path out = Files.createTempDirectory("sos-eval-report-test");
      Evaluation.Result result =
          Evaluation.run(
              config,
              out,
              new Evaluation.Sources(
                  dir -> LaYearPanel.fromPublished(PublishedPanel.load(dir)),
                  dir -> {
                    throw new AssertionError("no deposits in this example");
                  }),
              Progress.SILENT);
      Path outcomesOnlyOut = Files.createTempDirectory("sos-eval-report-test-outcomes-only");
      Report.Written outcomesOnly =
          Report.write(
              new Report.Input(config, result, ReportEvidence.none()), outcomesOnlyOut, CLOCK);

      Path deposits = Files.createTempDirectory("sos-eval-report-test-deposits");
      List<Pilot> pilots =
          config.pilots().stream().map(p -> new Pilot(p.la(), p.start(), p.group())).toList();
      InstrumentDeposits.writeAll(
          new Design(
              config.firstYear(),
              config.lastYear(),
              config.bootstrapSeed(),
              0.1,
              pilots,
              // the synthetic instruments need an LA's size: LAs with a new code since 2019 (838)
              // are left out, as an LA without returns would be
              result.group().comparators().stream()
                  .filter(code -> LocalAuthorities.byCode(code).isPresent())
                  .toList(),
              List.of()),
          deposits);
      Emmie.Result emmie =
          Emmie.run(
              config,
              result,
              InstrumentSet.read(List.of(deposits), Pseudonymiser.create(PseudonymKey.random())),
              out,
              Progress.SILENT);
      ReportEvidence evidence = EmmieEvidence.of(emmie);
      Report.Written written = Report.write(new Report.Input(config, result, evidence), out, CLOCK);
      copyForViewing(written.folder());
      return new ReportFixture(
          config, result, out, written, evidence, outcomesOnlyOut, outcomesOnly);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A copy under target/ so that the report can be looked at after the tests. */
  private static void copyForViewing(Path folder) throws IOException {
    Path target = Path.of("target", "report-example");
    if (Files.exists(target)) {
      try (var paths = Files.walk(target)) {
        for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    try (var paths = Files.walk(folder)) {
      for (Path path : paths.toList()) {
        Path copy = target.resolve(folder.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(path, copy);
        }
      }
    }
  }
}
