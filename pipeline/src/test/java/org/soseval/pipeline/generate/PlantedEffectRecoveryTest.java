package org.soseval.pipeline.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.soseval.pipeline.compare.ComparisonGroup;
import org.soseval.pipeline.compare.EffectEstimator;
import org.soseval.pipeline.compare.EffectRow;
import org.soseval.pipeline.compare.EvaluationConfig;
import org.soseval.pipeline.compare.LaYearPanel;
import org.soseval.pipeline.geography.LocalAuthorities;
import org.soseval.pipeline.geography.LocalAuthority;

/**
 * The pooled difference-in-differences recovers what the generator planted: on simulated LAs with a
 * planted change in ICPCs after go-live its 95% interval covers the realised effect, and with
 * nothing planted it covers zero. Counts come straight from the simulated histories here; the same
 * check through ingest and indicators follows with those stages.
 */
class PlantedEffectRecoveryTest {
  private static final int FIRST = 2012;
  private static final int LAST = 2019;

  @ParameterizedTest(name = "seed {0}, planted change {1}")
  @CsvSource({"101, -0.25", "202, -0.25", "303, 0", "404, 0"})
  void pooledDidCoversThePlantedEffect(long seed, double change) {
    List<PlantedEffect> effects =
        change == 0 ? List.of() : List.of(new PlantedEffect(PlantedOutcome.ICPC_RATE, change));
    Design design =
        Designs.random(FIRST, LAST, seed, 0.25, 18, 6, LocalDate.of(2014, 10, 1), effects);
    LaYearPanel panel = LaYearPanel.empty();
    double plantedRateChange = 0;
    int treatedObservations = 0;
    List<EvaluationConfig.PilotSpec> pilots = new ArrayList<>();
    for (String code : design.authorities()) {
      LocalAuthority la = LocalAuthorities.byCode(code).orElseThrow();
      Sampling random = new Sampling(new SplittableRandom(seed * 1_000L + Long.parseLong(code)));
      AuthorityProfile profile = AuthorityProfile.draw(random.split());
      double population = la.children2013() * design.scale();
      CaseSimulator simulator =
          new CaseSimulator(la, profile, design, year -> population, random.split());
      List<ChildHistory> children = simulator.run();
      Optional<Pilot> pilot = design.pilot(code);
      Map<Integer, long[]> tally =
          simulator.tally().counts().getOrDefault(PlantedOutcome.ICPC_RATE, new TreeMap<>());
      for (int year = FIRST; year <= LAST; year++) {
        SimulatedRates rates = SimulatedRates.count(children, year, population);
        panel.put("icpc_rate", code, year, rates.per10k(rates.conferences()), "simulated");
        if (pilot.isPresent() && year > CaseSimulator.reportingYear(pilot.get().start())) {
          long[] counts = tally.getOrDefault(year, new long[2]);
          plantedRateChange += (counts[0] - counts[1]) * 10_000.0 / population;
          treatedObservations++;
        }
      }
      pilot.ifPresent(
          p -> pilots.add(new EvaluationConfig.PilotSpec(p.la(), p.start(), p.group())));
    }
    double truth = plantedRateChange / treatedObservations;
    EvaluationConfig config =
        new EvaluationConfig(
            Path.of("recovery.yaml"),
            "recovery",
            FIRST,
            LAST,
            pilots,
            new EvaluationConfig.Comparison(
                EvaluationConfig.ComparisonMethod.LIST, "2021", design.comparators(), false),
            true,
            List.of("icpc_rate"),
            new EvaluationConfig.Sources(Optional.empty(), Optional.empty(), Optional.empty()),
            999,
            seed,
            "dfe",
            Optional.empty(),
            Optional.empty());
    ComparisonGroup group = ComparisonGroup.of(config, Optional.empty());
    EffectRow pooled =
        EffectEstimator.estimate("icpc_rate", panel, group, config).rows().stream()
            .filter(row -> row.method().equals("did_twfe"))
            .findFirst()
            .orElseThrow();
    if (change == 0) {
      assertThat(truth).isZero();
    } else {
      // a 25% drop in ICPCs is several per 10,000 children
      assertThat(truth).isLessThan(-5);
    }
    assertThat(truth)
        .as("planted %s per 10,000; estimate %s", truth, pooled)
        .isBetween(pooled.lowerCi(), pooled.upperCi());
  }
}
