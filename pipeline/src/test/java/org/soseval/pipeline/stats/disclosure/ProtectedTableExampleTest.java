package org.soseval.pipeline.stats.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Small tables whose suppression pattern was worked out by hand from the rules in {@link
 * ProtectedTable}; each comment gives the reasoning.
 */
class ProtectedTableExampleTest {

  private static Dimension geography() {
    return Dimension.builder("geography")
        .add("England")
        .add("North East", "England")
        .add("Aville", "North East")
        .add("Bton", "North East")
        .add("North West", "England")
        .add("Cford", "North West")
        .add("Dham", "North West")
        .add("Eley", "North West")
        .build();
  }

  /**
   * LA x year, no total column. Counts (2022, 2023, 2024): Aville 12, 3, 15; Bton 20, 25, 9; Cford
   * 8, 14, 0; Dham 30, 7, 22; Eley 11, 16, 4. North East 32, 28, 24; North West 49, 37, 26; England
   * 81, 65, 50.
   */
  private static CountTable laByYear() {
    String[] las = {"Aville", "Bton", "Cford", "Dham", "Eley"};
    long[][] counts = {{12, 3, 15}, {20, 25, 9}, {8, 14, 0}, {30, 7, 22}, {11, 16, 4}};
    List<String> years = List.of("2022", "2023", "2024");
    CountTable.Builder builder = CountTable.builder(geography(), Dimension.of("year", years));
    for (int i = 0; i < las.length; i++) {
      for (int j = 0; j < years.size(); j++) {
        builder.count(las[i], years.get(j), counts[i][j]);
      }
    }
    return builder.build();
  }

  @Test
  void laByYearTableSuppressesSmallCountsAndOneComplementPerRegionalMargin() {
    ProtectedTable table = ProtectedTable.protect(laByYear(), DisclosureProfile.dfe());

    // Primary: Aville 2023 = 3 and Eley 2024 = 4 (in 1-5). Cford 2024 = 0 is published as 0.
    // North East 2023 = Aville + Bton would reveal Aville's 3, so its only other part, Bton 2023
    // (25), is suppressed. North West 2024 = Cford 0 + Dham 22 + Eley 4: the smallest non-zero
    // unsuppressed part is Dham (22); Cford's 0 is passed over. Each regional margin then has two
    // suppressed cells and the two equations share no cell, so nothing else is determined.
    assertThat(table.suppressedCells())
        .containsExactly(
            Cell.of("Aville", "2023"),
            Cell.of("Bton", "2023"),
            Cell.of("Dham", "2024"),
            Cell.of("Eley", "2024"));
    assertThat(table.status("Aville", "2023")).isEqualTo(CellStatus.PRIMARY);
    assertThat(table.reason("Aville", "2023")).contains("primary: count 3 is in 1-5");
    assertThat(table.status("Bton", "2023")).isEqualTo(CellStatus.SECONDARY);
    assertThat(table.reason("Bton", "2023"))
        .contains(
            "secondary: (Aville, 2023) could otherwise be recovered from the margin"
                + " (North East, 2023) = sum of 2 cells");
    assertThat(table.status("Dham", "2024")).isEqualTo(CellStatus.SECONDARY);
    assertThat(table.published("Cford", "2024").text()).isEqualTo("0");
    assertThat(table.published("Eley", "2024").text()).isEqualTo("c");
    assertThat(table.reason("Cford", "2024")).isEmpty();
  }

  @Test
  void regionalAndNationalCountsAreRoundedHalfUpToTen() {
    ProtectedTable table = ProtectedTable.protect(laByYear(), DisclosureProfile.dfe());

    // England 81, 65, 50 -> 80, 70 (a tie goes up), 50; North East 32, 28, 24 -> 30, 30, 20
    assertThat(table.published("England", "2022").text()).isEqualTo("80");
    assertThat(table.published("England", "2023").text()).isEqualTo("70");
    assertThat(table.published("England", "2024").text()).isEqualTo("50");
    assertThat(table.published("North East", "2024").text()).isEqualTo("20");
    assertThat(table.published("North West", "2022").text()).isEqualTo("50");
    // LA counts are not rounded
    assertThat(table.published("Dham", "2022").text()).isEqualTo("30");
    assertThat(table.published("Bton", "2024").text()).isEqualTo("9");
    // computation keeps unrounded values
    assertThat(table.table().count("England", "2023")).isEqualTo(65);
  }

  @Test
  void percentagesOfSuppressedCountsAreSuppressed() {
    ProtectedTable table = ProtectedTable.protect(laByYear(), DisclosureProfile.dfe());

    // Aville's share of the North East in 2023 rests on a suppressed count
    assertThat(table.percent(Cell.of("Aville", "2023"), Cell.of("North East", "2023")).text())
        .isEqualTo("c");
    // Aville 2022: 12 / 32 = 37.5% from unrounded counts (the rounded 30 would give 40.0)
    assertThat(table.percent(Cell.of("Aville", "2022"), Cell.of("North East", "2022")).text())
        .isEqualTo("37.5");
    assertThat(table.rate(Cell.of("Bton", "2023"), 41_000, 10_000).text()).isEqualTo("c");
  }

  /**
   * LA x year with a total column. Counts (2022, 2023): Aville 2, 10; Bton 7, 9; Cford 15, 11; Dham
   * 8, 20.
   */
  @Test
  void suppressionCascadesThroughTotalColumnsToAFourCellBlock() {
    Dimension geography =
        Dimension.builder("geography")
            .add("England")
            .add("North East", "England")
            .add("Aville", "North East")
            .add("Bton", "North East")
            .add("North West", "England")
            .add("Cford", "North West")
            .add("Dham", "North West")
            .build();
    CountTable counts =
        CountTable.builder(geography, Dimension.withTotal("year", "Total", List.of("2022", "2023")))
            .count("Aville", "2022", 2)
            .count("Aville", "2023", 10)
            .count("Bton", "2022", 7)
            .count("Bton", "2023", 9)
            .count("Cford", "2022", 15)
            .count("Cford", "2023", 11)
            .count("Dham", "2022", 8)
            .count("Dham", "2023", 20)
            .build();

    ProtectedTable table = ProtectedTable.protect(counts, DisclosureProfile.dfe());

    // Primary: Aville 2022 = 2. Equations in order of their total cell:
    //  North East 2022 = Aville + Bton -> Bton 2022 (7) suppressed;
    //  Aville Total = 2022 + 2023 -> Aville 2023 (10) suppressed;
    //  Bton Total = 2022 + 2023 (Bton 2022 now c) -> Bton 2023 (9) suppressed.
    // Every margin now holds 0 or 2 suppressed cells; the four cells form a cycle (a + b = 9,
    // c + d = 19, a + c = 12, b + d = 16: rank 3), so none is determined.
    assertThat(table.suppressedCells())
        .containsExactly(
            Cell.of("Aville", "2022"),
            Cell.of("Aville", "2023"),
            Cell.of("Bton", "2022"),
            Cell.of("Bton", "2023"));
    assertThat(table.reason("Bton", "2023"))
        .contains(
            "secondary: (Bton, 2022) could otherwise be recovered from the margin (Bton, Total)"
                + " = sum of 2 cells");
    assertThat(table.published("Aville", "Total").text()).isEqualTo("12");
    assertThat(table.published("North East", "Total").text()).isEqualTo("30");
    assertThat(table.published("England", "Total").text()).isEqualTo("80");
  }

  /**
   * Two 2x2 blocks of small counts joined by one small cell: every row and column margin holds at
   * least two suppressed cells, so the single-equation rule is satisfied, yet rows r1 + r2 minus
   * columns c1 + c2 isolates the joining cell (r1, c3).
   */
  @Test
  void protectsACellRecoverableOnlyByCombiningMargins() {
    List<String> labels = List.of("c1", "c2", "c3", "c4");
    Dimension rows = Dimension.withTotal("row", "Total", List.of("r1", "r2", "r3", "r4"));
    Dimension columns = Dimension.withTotal("column", "Total", labels);
    long[][] counts = {{2, 3, 4, 40}, {5, 1, 30, 50}, {60, 70, 2, 3}, {80, 90, 4, 5}};
    CountTable.Builder builder = CountTable.builder(rows, columns);
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        builder.count("r" + (i + 1), labels.get(j), counts[i][j]);
      }
    }
    CountTable table = builder.build();
    Set<Cell> primaryOnly = new LinkedHashSet<>();
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        if (counts[i][j] <= 5) {
          primaryOnly.add(Cell.of("r" + (i + 1), labels.get(j)));
        }
      }
    }
    assertThat(LinearDisclosureAudit.recoverableCells(table, primaryOnly))
        .containsExactly(Cell.of("r1", "c3"));

    ProtectedTable protectedTable = ProtectedTable.protect(table, DisclosureProfile.dfe());

    // Candidates sharing a margin with (r1, c3): (r1, c4) = 40, (r2, c3) = 30 and the totals.
    // The smallest, (r2, c3) = 30, joins r2 to the second block and puts (r1, c3) on a cycle.
    assertThat(protectedTable.status("r2", "c3")).isEqualTo(CellStatus.SECONDARY);
    assertThat(protectedTable.reason("r2", "c3"))
        .contains("secondary: (r1, c3) could otherwise be recovered by combining margin equations");
    assertThat(protectedTable.suppressedCells()).hasSize(primaryOnly.size() + 1);
    assertThat(
            LinearDisclosureAudit.recoverableCells(
                table, new LinkedHashSet<>(protectedTable.suppressedCells())))
        .isEmpty();
  }

  @Test
  void onsTenFiveProfileSuppressesBelowTenAndRoundsEveryCountToFive() {
    CountTable counts =
        CountTable.builder(
                Dimension.withTotal("region", "England", List.of("A", "B", "C")),
                Dimension.of("year", List.of("2024")))
            .count("A", "2024", 0)
            .count("B", "2024", 12)
            .count("C", "2024", 33)
            .build();

    ProtectedTable table = ProtectedTable.protect(counts, DisclosureProfile.ons10And5());

    // A = 0 is below 10 and suppressed; England = A + B + C then needs a complement: B (12)
    assertThat(table.suppressedCells()).containsExactly(Cell.of("A", "2024"), Cell.of("B", "2024"));
    assertThat(table.published("C", "2024").text()).isEqualTo("35");
    assertThat(table.published("England", "2024").text()).isEqualTo("45");
  }

  @Test
  void suppressedZerosThatSumToAPublishedMarginGetANonZeroComplement() {
    CountTable counts =
        CountTable.builder(
                Dimension.withTotal("region", "England", List.of("A", "B", "C")),
                Dimension.of("year", List.of("2024")))
            .count("A", "2024", 0)
            .count("B", "2024", 0)
            .count("C", "2024", 40)
            .build();

    ProtectedTable table = ProtectedTable.protect(counts, DisclosureProfile.ons10And5());

    // A and B (0) are primary under 10-5. England = A + B + C has two suppressed cells, but with C
    // and England published they sum to 40 - 40 = 0, and counts are non-negative, so each is 0.
    // The only non-zero part, C, is suppressed.
    assertThat(table.suppressedCells())
        .containsExactly(Cell.of("A", "2024"), Cell.of("B", "2024"), Cell.of("C", "2024"));
    assertThat(table.reason("C", "2024"))
        .contains(
            "secondary: the suppressed parts of the margin (England, 2024) sum to 0, so each"
                + " could otherwise be recovered as 0");
    assertThat(table.published("England", "2024").text()).isEqualTo("40");
  }

  @Test
  void rejectsIncompleteOrInvalidTables() {
    Dimension rows = Dimension.withTotal("region", "England", List.of("A", "B"));
    Dimension columns = Dimension.of("year", List.of("2024"));

    assertThatThrownBy(() -> CountTable.builder(rows, columns).count("A", "2024", 1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot build table: no count for row 'B', column '2024'");
    assertThatThrownBy(() -> CountTable.builder(rows, columns).count("England", "2024", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'England' is a total in dimension region: set counts on leaves only");
    assertThatThrownBy(() -> CountTable.builder(rows, columns).count("Z", "2024", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Dimension region has no label 'Z'");
    assertThatThrownBy(() -> CountTable.builder(rows, columns).count("A", "2024", -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("count for (A, 2024) must be >= 0: -1");
    assertThatThrownBy(() -> Dimension.builder("region").add("A", "England"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot add 'A' to dimension region: parent 'England' has not been added");
    assertThatThrownBy(() -> Dimension.builder("region").add("A").add("A"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot add 'A' to dimension region: duplicate label");
  }
}
