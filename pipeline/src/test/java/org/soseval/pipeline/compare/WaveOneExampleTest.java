package org.soseval.pipeline.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soseval.pipeline.Progress;
import org.soseval.pipeline.panel.PublishedPanel;
import org.soseval.pipeline.publish.EesChecker;

/**
 * The wave-1 example (examples/sos-wave1.yaml) on DfE's published statistics, checked against R.
 *
 * <p>Reference: R 4.2.2, sandwich 3.0-2, lmtest 0.9-40, on the {@code publish/panel.csv} this run
 * writes: {@code d <- p[p$outcome == o, ]; m <- lm(value ~ treated + factor(old_la_code) +
 * factor(time_period), data = d); V <- vcovCL(m, cluster = ~old_la_code, type = "HC1"); coeftest(m,
 * vcov. = V, df = G - 1)["treated", ]; coefci(m, vcov. = V, df = G - 1)["treated", ]} with G = 78
 * LAs and 535 LA-years for each outcome.
 */
class WaveOneExampleTest {
  private static final Path EXAMPLE = Path.of("../examples/sos-wave1.yaml");
  private static Evaluation.Result result;

  @TempDir static Path out;

  @BeforeAll
  static void runTheExample() {
    assertThat(EXAMPLE).as("the example config").isRegularFile();
    EvaluationConfig example = EvaluationConfig.load(EXAMPLE);
    assertThat(example.sources().publicDir().orElseThrow())
        .as("../shared/data/public beside the project")
        .isDirectory();
    EvaluationConfig twoOutcomes =
        new EvaluationConfig(
            example.file(),
            example.name(),
            example.firstYear(),
            example.lastYear(),
            example.pilots(),
            example.comparison(),
            example.excludeImplementationYear(),
            List.of("icpc_rate", "cpp_at31_rate"),
            example.sources(),
            999,
            example.bootstrapSeed(),
            example.disclosure(),
            Optional.empty(),
            Optional.empty());
    result =
        Evaluation.run(
            twoOutcomes,
            out,
            new Evaluation.Sources(
                dir -> LaYearPanel.fromPublished(PublishedPanel.load(dir)),
                dir -> {
                  throw new AssertionError("no deposits in this example");
                }),
            Progress.SILENT);
  }

  private static EffectRow pooled(String outcome) {
    return result.rows().stream()
        .filter(row -> row.outcome().equals(outcome) && row.method().equals("did_twfe"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void comparesTheTenPilotsWithTheUnionOfTheirNeighbours() {
    assertThat(result.group().pilots()).hasSize(10);
    assertThat(result.group().comparators())
        .hasSize(70)
        .doesNotContainAnyElementsOf(result.group().pilots());
  }

  @Test
  void icpcRateMatchesR() {
    EffectRow row = pooled("icpc_rate");
    assertThat(row.nUnits()).isEqualTo(78);
    assertThat(row.nObs()).isEqualTo(535);
    assertThat(row.estimate()).isCloseTo(-4.642484584428, within(1e-9));
    assertThat(row.standardError()).isCloseTo(5.132214211616, within(1e-9));
    assertThat(row.pValue()).isCloseTo(0.368510931574, within(1e-9));
    assertThat(row.lowerCi()).isCloseTo(-14.86202869138, within(1e-9));
    assertThat(row.upperCi()).isCloseTo(5.57705952253, within(1e-9));
    assertThat(row.direction()).isNotIn(EffectDirection.REDUCED, EffectDirection.INCREASED);
  }

  @Test
  void childProtectionPlansAt31MarchMatchR() {
    EffectRow row = pooled("cpp_at31_rate");
    assertThat(row.estimate()).isCloseTo(-5.7050180329717, within(1e-9));
    assertThat(row.standardError()).isCloseTo(2.7595606844577, within(1e-9));
    assertThat(row.pValue()).isCloseTo(0.0420598780062, within(1e-9));
    assertThat(row.lowerCi()).isCloseTo(-11.200005375239, within(1e-9));
    assertThat(row.upperCi()).isCloseTo(-0.210030690704, within(1e-9));
  }

  @Test
  void writesThePanelItUsed() throws Exception {
    long lines;
    try (var stream = Files.lines(result.panel())) {
      lines = stream.count();
    }
    assertThat(lines).isEqualTo(1 + 2 * 535);
  }

  @Test
  void itsOutputsPassTheEesChecks() {
    assertThat(EesChecker.checkDirectory(result.effects().getParent()).findings()).isEmpty();
  }
}
