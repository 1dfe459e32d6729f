package org.soseval.pipeline.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
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
        .hasMessageContaining(
            "Invalid evaluation config " + file + " at exclude_implementaton_year (line 12)")
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
                + " at pilots[1].start (line 8): '01/04/2015' is not a date yyyy-mm-dd. Correct the"
                + " config (see docs/evaluate.md) and run again");
  }

  @Test
  void aPilotWithoutPreOrPostYearsIsRefused() throws IOException {
    Path file = write(VALID.replace("start: 2014-10-01", "start: 2019-01-01"));
    assertThatThrownBy(() -> EvaluationConfig.load(file))
        .isInstanceOf(PipelineException.class)
        .hasMessageContaining("at pilots[0].start (line 5)")
        .hasMessageContaining(
            "pilot 855 goes live in reporting year 2019, which leaves no pre or no post years"
                + " within reporting_years 2012-2019");
  }

  @Test
  void aListComparisonNeedsAuthorities() throws IOException {
    Path file = write(VALID.replace("method: statistical_neighbours", "method: list"));
    assertThatThrownBy(() -> EvaluationConfig.load(file))
        .isInstanceOf(PipelineException.class)
        .hasMessageContaining(
            "at comparison.authorities (line 9): method list needs at least one LA code");
  }

  @Test
  void aMisspeltNestedKeyIsNamedWithItsSectionAndLine() throws IOException {
    Path file = write(VALID.replace("neighbours_model: 2025", "neighbour_model: 2025"));
    assertThatThrownBy(() -> EvaluationConfig.load(file))
        .isInstanceOf(PipelineException.class)
        .hasMessageContaining("at comparison.neighbour_model (line 11): unknown key");
  }

  @Test
  void aYamlSyntaxErrorGivesTheLine() throws IOException {
    Path file =
        write(VALID.replace("outcomes: [rereferral_12m_percent, icpc_rate]", "outcomes: [a"));
    assertThatThrownBy(() -> EvaluationConfig.load(file))
        .isInstanceOf(PipelineException.class)
        .hasMessageStartingWith("Cannot read the evaluation config " + file + " (line ")
        .hasMessageContaining("Correct the YAML there");
  }

  @Test
  void bootstrapSettingsMustBeWholeNumbersAndAreNamedWithTheirSection() throws IOException {
    Path fractional = write(VALID.replace("draws: 999", "draws: 999.7"));
    assertThatThrownBy(() -> EvaluationConfig.load(fractional))
        .isInstanceOf(PipelineException.class)
        .hasMessageContaining(
            "at bootstrap.draws (line 18): '999.7' is not a whole number from 99");
    Path text = write(VALID.replace("seed: 7", "seed: yesterday"));
    assertThatThrownBy(() -> EvaluationConfig.load(text))
        .isInstanceOf(PipelineException.class)
        .hasMessageContaining("at bootstrap.seed (line 19): 'yesterday' is not a whole number.");
    assertThat(EvaluationConfig.load(write(VALID.replace("seed: 7", "seed: -7"))).bootstrapSeed())
        .isEqualTo(-7);
  }

  @Test
  void reportingYearsMustRunForwardsOverTwoOrMoreYears() throws IOException {
    for (String years : List.of("2019-2012", "2015-2015")) {
      Path file = write(VALID.replace("2012-2019", years));
      assertThatThrownBy(() -> EvaluationConfig.load(file))
          .isInstanceOf(PipelineException.class)
          .hasMessageContaining(
              "at reporting_years (line 2): '" + years + "' does not run forwards");
    }
    Path list = write(VALID.replace("2012-2019", "[2012, 2019]"));
    assertThatThrownBy(() -> EvaluationConfig.load(list))
        .isInstanceOf(PipelineException.class)
        .hasMessageContaining(
            "at reporting_years (line 2): give the first and last reporting years");
  }

  @Test
  void aPilotInTheComparisonListIsRefusedNotSilentlyDropped() throws IOException {
    Path file =
        write(
            VALID
                .replace("method: statistical_neighbours", "method: list")
                .replace("neighbours_model: 2025", "authorities: [925, E10000018]"));
    assertThatThrownBy(() -> EvaluationConfig.load(file))
        .isInstanceOf(PipelineException.class)
        .hasMessageContaining(
            "at comparison.authorities[1] (line 11): LA 855 is a pilot; a pilot cannot also be a"
                + " comparison LA");
    Path twice =
        write(
            VALID
                .replace("method: statistical_neighbours", "method: list")
                .replace("neighbours_model: 2025", "authorities: [925, 926, 925]"));
    assertThatThrownBy(() -> EvaluationConfig.load(twice))
        .isInstanceOf(PipelineException.class)
        .hasMessageContaining("at comparison.authorities[2] (line 11): LA 925 is listed twice");
  }

  @Test
  void authoritiesBesideStatisticalNeighboursAreRefusedNotIgnored() throws IOException {
    Path file = write(VALID.replace("neighbours_model: 2025", "authorities: [925, 926]"));
    assertThatThrownBy(() -> EvaluationConfig.load(file))
        .isInstanceOf(PipelineException.class)
        .hasMessageContaining(
            "at comparison.authorities (line 11): authorities are used only with");
  }

  @Test
  void anOutcomeListedTwiceIsRefused() throws IOException {
    Path file =
        write(
            VALID.replace(
                "[rereferral_12m_percent, icpc_rate]", "[icpc_rate, s47_rate, icpc_rate]"));
    assertThatThrownBy(() -> EvaluationConfig.load(file))
        .isInstanceOf(PipelineException.class)
        .hasMessageContaining("at outcomes[2] (line 13): outcome icpc_rate is listed twice");
  }

  @Test
  void aPilotGivenByItsECodeIsTheSameLaAsItsDfeCode() throws IOException {
    Path file = write(VALID.replace("la: \"304\"", "la: E10000018"));
    assertThatThrownBy(() -> EvaluationConfig.load(file))
        .isInstanceOf(PipelineException.class)
        .hasMessageContaining("at pilots[1].la (line 7): LA 855 is listed twice");
  }

  @Test
  void invalidNamesAFieldOfALoadedConfigWithItsLine() throws IOException {
    EvaluationConfig config = EvaluationConfig.load(write(VALID));
    assertThat(config.invalid("outcomes[1]", "no source gives it"))
        .hasMessageContaining("at outcomes[1] (line 13): no source gives it");
  }

  @Test
  void aMissingFileIsAUsageError() {
    Path file = temp.resolve("nowhere.yaml");
    assertThatThrownBy(() -> EvaluationConfig.load(file))
        .isInstanceOf(PipelineException.class)
        .hasMessageStartingWith("Cannot read the evaluation config " + file);
  }
}
