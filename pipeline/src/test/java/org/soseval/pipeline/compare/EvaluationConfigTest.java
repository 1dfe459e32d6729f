package org.soseval.pipeline.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soseval.pipeline.PipelineException;

class EvaluationConfigTest {
  @TempDir Path temp;

  private static final String VALID =
      """
      name: Signs of Safety Wave 1
      reporting_years: 2012-2019
      pilots:
        - la: 855
          start: 2014-10-01
          group: 2+ years
        - la: "304"
          start: 2015-04-01
      comparison:
        method: statistical_neighbours
        neighbours_model: 2025
      exclude_implementation_year: false
      outcomes: [rereferral_12m_percent, icpc_rate]
      sources:
        public: ../data/public
        panel: my_outcomes.csv
      bootstrap:
        draws: 999
        seed: 7
      privacy:
        disclosure: ons-10-5
      """;

  private Path write(String text) throws IOException {
    Path folder = Files.createDirectories(temp.resolve("configs"));
    return Files.writeString(folder.resolve("evaluation.yaml"), text);
  }

  @Test
  void readsEveryFieldAndResolvesPathsAgainstTheConfigFolder() throws IOException {
    Path file = write(VALID);
    EvaluationConfig config = EvaluationConfig.load(file);
    assertThat(config.name()).isEqualTo("Signs of Safety Wave 1");
    assertThat(config.firstYear()).isEqualTo(2012);
    assertThat(config.lastYear()).isEqualTo(2019);
    assertThat(config.pilots())
        .extracting(EvaluationConfig.PilotSpec::la)
        .containsExactly("855", "304");
    assertThat(config.pilots().get(0).start()).isEqualTo(LocalDate.of(2014, 10, 1));
    assertThat(config.pilots().get(0).implementationYear()).isEqualTo(2015);
    assertThat(config.pilots().get(1).implementationYear()).isEqualTo(2016);
    assertThat(config.pilots().get(1).group()).isEmpty();
    assertThat(config.comparison().method())
        .isEqualTo(EvaluationConfig.ComparisonMethod.STATISTICAL_NEIGHBOURS);
    assertThat(config.comparison().neighboursModel()).isEqualTo("2025");
    assertThat(config.excludeImplementationYear()).isFalse();
    assertThat(config.outcomes()).containsExactly("rereferral_12m_percent", "icpc_rate");
    assertThat(config.sources().publicDir())
        .contains(temp.resolve("data/public").toAbsolutePath().normalize());
    assertThat(config.sources().panel())
        .contains(temp.resolve("configs/my_outcomes.csv").toAbsolutePath().normalize());
    assertThat(config.bootstrapDraws()).isEqualTo(999);
    assertThat(config.bootstrapSeed()).isEqualTo(7);
    assertThat(config.disclosure()).isEqualTo("ons-10-5");
  }

  @Test
  void defaultsFollowProductMd() throws IOException {
    EvaluationConfig config =
        EvaluationConfig.load(
            write(
                """
                name: minimal
                reporting_years: 2012-2019
                pilots: [{la: 855, start: 2014-10-01}]
                comparison: {method: list, authorities: [925, 926]}
                outcomes: [icpc_rate]
                sources: {panel: panel.csv}
                """));
    assertThat(config.excludeImplementationYear()).isTrue();
    assertThat(config.bootstrapDraws()).isEqualTo(9_999);
    assertThat(config.comparison().authorities()).containsExactly("925", "926");
    assertThat(config.disclosure()).isEqualTo("dfe");
  }

  @Test
  void unknownKeysAreNamedWithTheKnownOnes() throws IOException {
    Path file = write(VALID.replace("exclude_implementation_year", "exclude_implementaton_year"));
    assertThatThrownBy(() -> EvaluationConfig.load(file))
        .isInstanceOf(PipelineException.class)
        .hasMessageContaining("Invalid evaluation config " + file + " at (top level)")
        .hasMessageContaining("unknown key 'exclude_implementaton_year'; known keys are [");
  }

  @Test
  void aBadDateNamesThePilot() throws IOException {
    Path file = write(VALID.replace("start: 2015-04-01", "start: 01/04/2015"));
    assertThatThrownBy(() -> EvaluationConfig.load(file))
        .isInstanceOf(PipelineException.class)
        .hasMessage(
            "Invalid evaluation config "
                + file
                + " at pilots[1].start: '01/04/2015' is not a date yyyy-mm-dd. Correct the"
                + " config (see docs/evaluate.md) and run again");
  }

  @Test
  void aPilotWithoutPreOrPostYearsIsRefused() throws IOException {
    Path file = write(VALID.replace("start: 2014-10-01", "start: 2019-01-01"));
    assertThatThrownBy(() -> EvaluationConfig.load(file))
        .isInstanceOf(PipelineException.class)
        .hasMessageContaining(
            "pilot 855 goes live in reporting year 2019, which leaves no pre or no post years"
                + " within reporting_years 2012-2019");
  }

  @Test
  void aListComparisonNeedsAuthorities() throws IOException {
    Path file = write(VALID.replace("method: statistical_neighbours", "method: list"));
    assertThatThrownBy(() -> EvaluationConfig.load(file))
        .isInstanceOf(PipelineException.class)
        .hasMessageContaining("at comparison.authorities: method list needs at least one LA code");
  }

  @Test
  void aMissingFileIsAUsageError() {
    Path file = temp.resolve("nowhere.yaml");
    assertThatThrownBy(() -> EvaluationConfig.load(file))
        .isInstanceOf(PipelineException.class)
        .hasMessageStartingWith("Cannot read the evaluation config " + file);
  }
}
