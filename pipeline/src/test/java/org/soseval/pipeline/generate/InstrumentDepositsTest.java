package org.soseval.pipeline.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soseval.pipeline.instruments.CostAnalysis;
import org.soseval.pipeline.instruments.InstrumentAnalysis;
import org.soseval.pipeline.instruments.InstrumentSet;
import org.soseval.pipeline.instruments.LaGroups;
import org.soseval.pipeline.privacy.PseudonymKey;
import org.soseval.pipeline.privacy.Pseudonymiser;
import org.soseval.pipeline.stats.disclosure.DisclosureProfile;

class InstrumentDepositsTest {
  @TempDir Path temp;

  private static final Design DESIGN = Designs.waveOneDemo(20141001L, 0.1, 6, List.of());

  @Test
  void sameDesignAndSeedGiveByteIdenticalInstrumentFiles() throws IOException {
    InstrumentDeposits.writeAll(DESIGN, temp.resolve("a"));
    InstrumentDeposits.writeAll(DESIGN, temp.resolve("b"));
    Map<String, String> first = hashes(temp.resolve("a"));
    assertThat(first).hasSize(10 * 7 + 6 * 2).isEqualTo(hashes(temp.resolve("b")));
  }

  @Test
  void comparatorsHaveABaselineSurveyOnly() throws IOException {
    InstrumentDeposits.writeAll(DESIGN, temp);
    String comparator = DESIGN.comparators().get(0);
    try (Stream<Path> files = Files.list(temp.resolve(comparator).resolve("instruments"))) {
      assertThat(files.map(path -> path.getFileName().toString()).sorted())
          .containsExactly("family_survey.csv", "practitioner_survey.csv");
    }
    assertThat(Files.readString(temp.resolve(comparator + "/instruments/family_survey.csv")))
        .doesNotContain(",2,");
  }

  @Test
  void pilotsFurtherAlongShowBetterExperiencesAuditsRatingsAndReach() {
    InstrumentDeposits.writeAll(DESIGN, temp);
    InstrumentSet set =
        InstrumentSet.read(List.of(temp), Pseudonymiser.create(PseudonymKey.random()));
    assertThat(set.problems()).isEmpty();
    List<String> pilots = DESIGN.pilots().stream().map(Pilot::la).toList();
    InstrumentAnalysis.Results results =
        InstrumentAnalysis.run(
            set,
            LaGroups.of(pilots, DESIGN.comparators()),
            DisclosureProfile.dfe(),
            CostAnalysis.priceIndex(),
            OptionalInt.empty(),
            temp.resolve("publish"));
    Map<String, String> group = new TreeMap<>();
    DESIGN.pilots().forEach(pilot -> group.put(pilot.la(), pilot.group()));
    double newRating =
        mean(
            results.implementation(),
            r -> r.wave() == 2 && "new".equals(group.get(r.la())),
            r -> r.score());
    double experiencedRating =
        mean(
            results.implementation(),
            r -> r.wave() == 2 && "2+ years".equals(group.get(r.la())),
            r -> r.score());
    assertThat(experiencedRating).isGreaterThan(newRating + 2);
    double newAudit =
        mean(
            results.audits(),
            r -> r.round() == 2 && "new".equals(group.get(r.la())),
            r -> r.meanMappingScore());
    double experiencedAudit =
        mean(
            results.audits(),
            r -> r.round() == 2 && "2+ years".equals(group.get(r.la())),
            r -> r.meanMappingScore());
    assertThat(experiencedAudit).isGreaterThan(newAudit + 10);
    double newReach =
        mean(
            results.training(), r -> r.core() && "new".equals(group.get(r.la())), r -> r.percent());
    double experiencedReach =
        mean(
            results.training(),
            r -> r.core() && "2+ years".equals(group.get(r.la())),
            r -> r.percent());
    assertThat(experiencedReach).isGreaterThan(newReach + 10);
    double pilotsLater =
        mean(
            results.scales(),
            s -> s.wave() == 2 && s.scale().equals("relationship") && pilots.contains(s.la()),
            s -> s.percent());
    double comparatorsBaseline =
        mean(
            results.scales(),
            s -> s.wave() == 1 && s.scale().equals("relationship") && !pilots.contains(s.la()),
            s -> s.percent());
    assertThat(pilotsLater).isGreaterThan(comparatorsBaseline + 15);
    double roundOne = mean(results.audits(), r -> r.round() == 1, r -> r.meanMappingScore());
    double roundTwo = mean(results.audits(), r -> r.round() == 2, r -> r.meanMappingScore());
    assertThat(roundTwo).isGreaterThan(roundOne);
  }

  private static <T> double mean(
      List<T> values, java.util.function.Predicate<T> filter, ToDoubleFunction<T> value) {
    return values.stream().filter(filter).mapToDouble(value).average().orElseThrow();
  }

  private static Map<String, String> hashes(Path root) throws IOException {
    Map<String, String> hashes = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        hashes.put(root.relativize(path).toString(), sha256(Files.readAllBytes(path)));
      }
    }
    return hashes;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
