package org.soseval.pipeline.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soseval.pipeline.Progress;

class SyntheticDepositsTest {
  @TempDir Path temp;

  private static Design design(long seed, List<String> comparators) {
    return new Design(
        2023,
        2026,
        seed,
        0.05,
        List.of(new Pilot("855", LocalDate.of(2024, 10, 1), "new")),
        comparators,
        List.of(PlantedEffect.parse("icpc_rate=-10%")));
  }

  @Test
  void sameDesignAndSeedGiveByteIdenticalFiles() throws IOException {
    Path first = temp.resolve("first");
    Path second = temp.resolve("second");
    SyntheticDeposits.generate(design(5, List.of("304", "925")), first, Progress.SILENT);
    SyntheticDeposits.generate(design(5, List.of("304", "925")), second, Progress.SILENT);
    Map<String, String> firstHashes = hashes(first);
    assertThat(firstHashes).hasSizeGreaterThan(30).isEqualTo(hashes(second));
  }

  @Test
  void anAuthoritysFilesDoNotDependOnWhichOthersAreGenerated() throws IOException {
    Path three = temp.resolve("three");
    Path one = temp.resolve("one");
    SyntheticDeposits.generate(design(5, List.of("304", "925")), three, Progress.SILENT);
    SyntheticDeposits.generate(design(5, List.of()), one, Progress.SILENT);
    assertThat(hashes(one.resolve("855"))).isEqualTo(hashes(three.resolve("855")));
  }

  @Test
  void anotherSeedGivesOtherChildren() throws IOException {
    Path first = temp.resolve("first");
    Path second = temp.resolve("second");
    SyntheticDeposits.generate(design(5, List.of()), first, Progress.SILENT);
    SyntheticDeposits.generate(design(6, List.of()), second, Progress.SILENT);
    assertThat(Files.readString(first.resolve("855/cin_census_2024.xml")))
        .isNotEqualTo(Files.readString(second.resolve("855/cin_census_2024.xml")));
  }

  @Test
  void writesTheLayoutTheDocsDescribe() throws IOException {
    Path out = temp.resolve("deposits");
    SyntheticDeposits.Summary summary =
        SyntheticDeposits.generate(design(5, List.of("304")), out, Progress.SILENT);
    assertThat(summary.authorities()).isEqualTo(2);
    assertThat(summary.years()).isEqualTo(4);
    assertThat(out.resolve("truth.json")).isRegularFile();
    assertThat(out.resolve("population.csv")).isRegularFile();
    for (int year = 2023; year <= 2026; year++) {
      assertThat(out.resolve("304/cin_census_" + year + ".xml")).isRegularFile();
      for (String table : Ssda903Writer.TABLES) {
        assertThat(out.resolve("304/ssda903_" + year + "/" + table + ".csv")).isRegularFile();
      }
    }
    // reporting years 2023-2026 divide by mid-years 2022-2025: 2 LAs x 4 mid-years + header
    assertThat(Files.readAllLines(out.resolve("population.csv"))).hasSize(9);
    assertThat(out.resolveSibling("deposits.partial")).doesNotExist();
  }

  @Test
  void replacesItsOwnEarlierOutput() throws IOException {
    Path out = temp.resolve("deposits");
    SyntheticDeposits.generate(design(5, List.of("304")), out, Progress.SILENT);
    SyntheticDeposits.generate(design(5, List.of()), out, Progress.SILENT);
    assertThat(out.resolve("304")).doesNotExist();
    assertThat(out.resolve("855")).isDirectory();
  }

  @Test
  void refusesAFolderItDidNotWrite() throws IOException {
    Path out = Files.createDirectories(temp.resolve("precious"));
    Files.writeString(out.resolve("notes.txt"), "keep me");
    assertThatThrownBy(() -> SyntheticDeposits.generate(design(5, List.of()), out, Progress.SILENT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            out
                + " is not empty and was not written by generate (no truth.json): choose an empty"
                + " or new --out folder");
    assertThat(out.resolve("notes.txt")).hasContent("keep me");
  }

  @Test
  void refusesAnUnknownAuthority() {
    Design unknown = new Design(2019, 2019, 1, 0.05, List.of(), List.of("999"), List.of());
    assertThatThrownBy(
            () -> SyntheticDeposits.generate(unknown, temp.resolve("x"), Progress.SILENT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("LA 999 is not one of the 147 LAs with stable boundaries");
  }

  @Test
  void truthRecordsThePlantedEffectOnlyAfterGoLive() throws IOException {
    Design strong =
        new Design(
            2013,
            2018,
            3,
            0.5,
            List.of(
                new Pilot("855", LocalDate.of(2015, 4, 1), "new"),
                new Pilot("925", LocalDate.of(2015, 4, 1), "new")),
            List.of(),
            List.of(PlantedEffect.parse("icpc_rate=-0.3")));
    Path out = temp.resolve("strong");
    SyntheticDeposits.generate(strong, out, Progress.SILENT);
    JsonNode truth = new ObjectMapper().readTree(out.resolve("truth.json").toFile());
    assertThat(truth.at("/pilots/0/implementation_year").asInt()).isEqualTo(2016);
    long actualAfter = 0;
    long counterfactualAfter = 0;
    for (JsonNode row : truth.at("/effects/0/realised")) {
      long actual = row.get("actual_events").asLong();
      long counterfactual = row.get("counterfactual_events").asLong();
      if (row.get("reporting_year").asInt() <= 2015) {
        assertThat(actual).as(row.toString()).isEqualTo(counterfactual).isPositive();
      } else {
        actualAfter += actual;
        counterfactualAfter += counterfactual;
      }
    }
    // each conference is kept with probability 0.7, independently: about 70% remain
    assertThat((double) actualAfter / counterfactualAfter).isBetween(0.65, 0.75);
  }

  @Test
  void aDesignWithoutEffectsRecordsNone() throws IOException {
    Design none =
        new Design(
            2019,
            2019,
            3,
            0.05,
            List.of(new Pilot("855", LocalDate.of(2018, 4, 1), "new")),
            List.of(),
            List.of());
    Path out = temp.resolve("none");
    SyntheticDeposits.generate(none, out, Progress.SILENT);
    JsonNode truth = new ObjectMapper().readTree(out.resolve("truth.json").toFile());
    assertThat(truth.get("effects")).isEmpty();
    assertThat(truth.at("/pilots/0/la").asText()).isEqualTo("855");
  }

  private static Map<String, String> hashes(Path root) throws IOException {
    Map<String, String> hashes = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        hashes.put(root.relativize(file).toString(), sha256(Files.readAllBytes(file)));
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
