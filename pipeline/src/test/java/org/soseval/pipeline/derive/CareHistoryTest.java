package org.soseval.pipeline.derive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CareHistoryTest {
  private static LocalDate d(String iso) {
    return iso == null ? null : LocalDate.parse(iso);
  }

  private static CareEpisode e(
      int year, String decom, String rne, String ls, String dec, String rec) {
    return CareEpisode.of(year, d(decom), rne, ls, d(dec), rec);
  }

  private static List<Integer> values(List<Fact> facts, Measure measure, int year) {
    return facts.stream()
        .filter(f -> f.measure() == measure && f.year() == year)
        .map(Fact::value)
        .sorted()
        .toList();
  }

  private static List<Fact> facts(CareEpisode... episodes) {
    return CareHistory.facts(List.of(episodes), 2015, 2026);
  }

  @Test
  void childStartingTwiceInAYearCountsOnceAsTheFirstStart() {
    List<Fact> facts =
        facts(
            e(2024, "2023-05-01", "S", "V2", "2023-06-01", "E4A"),
            e(2024, "2023-09-01", "S", "C2", null, null));
    // the first start has no previous period; the second (a re-entry) is not counted
    assertThat(values(facts, Measure.CLA_START, 2024)).containsExactly(0);
    assertThat(values(facts, Measure.CLA_CEASED, 2024)).containsExactly(1);
    assertThat(values(facts, Measure.CLA_AT31, 2024)).hasSize(1);
  }

  @Test
  void reentryExactlyTwelveMonthsAfterTheEndCountsOneDayLaterDoesNot() {
    List<Fact> exactly =
        facts(
            e(2023, "2021-06-01", "S", "V2", "2022-06-30", "E4A"),
            e(2024, "2023-06-30", "S", "C2", null, null));
    assertThat(values(exactly, Measure.CLA_START, 2024)).containsExactly(1);
    List<Fact> later =
        facts(
            e(2023, "2021-06-01", "S", "V2", "2022-06-30", "E4A"),
            e(2024, "2023-07-01", "S", "C2", null, null));
    assertThat(values(later, Measure.CLA_START, 2024)).containsExactly(0);
  }

  @Test
  void reentryLooksBackAcrossAnEpisodeChainToTheEndOfThePeriod() {
    List<Fact> facts =
        facts(
            e(2023, "2022-05-01", "S", "C1", "2022-08-01", "X1"),
            e(2023, "2022-08-01", "P", "C2", "2023-01-10", "E4B"),
            e(2024, "2023-12-01", "S", "C2", null, null));
    assertThat(values(facts, Measure.CLA_START, 2023)).containsExactly(0);
    assertThat(values(facts, Measure.CLA_CEASED, 2023)).containsExactly(1);
    assertThat(values(facts, Measure.CLA_START, 2024)).containsExactly(1);
  }

  @Test
  void shortBreaksAreExcludedFromEveryFigure() {
    List<Fact> facts =
        facts(
            e(2024, "2023-05-01", "S", "V3", "2023-05-03", "E4A"),
            e(2024, "2024-01-10", "S", "V4", null, null));
    assertThat(facts).isEmpty();
  }

  @Test
  void episodeEndingOnThirtyFirstMarchIsNotLookedAfterThen() {
    List<Fact> facts = facts(e(2024, "2023-05-01", "S", "C2", "2024-03-31", "E4B"));
    assertThat(values(facts, Measure.CLA_AT31, 2024)).isEmpty();
    assertThat(values(facts, Measure.CLA_CEASED, 2024)).containsExactly(1);
    List<Fact> nextDay = facts(e(2025, "2023-05-01", "S", "C2", "2024-04-01", "E11"));
    assertThat(values(nextDay, Measure.CLA_AT31, 2024)).hasSize(1);
    assertThat(values(nextDay, Measure.CLA_CEASED, 2025)).containsExactly(0);
  }

  @Test
  void openEpisodeClosedInTheNextReturnTakesTheLaterVersion() {
    List<Fact> facts =
        facts(
            e(2024, "2023-06-01", "S", "C2", null, null),
            e(2025, "2023-06-01", "S", "C2", "2024-07-01", "E11"));
    assertThat(values(facts, Measure.CLA_START, 2024)).containsExactly(0);
    assertThat(values(facts, Measure.CLA_AT31, 2024)).hasSize(1);
    assertThat(values(facts, Measure.CLA_AT31, 2025)).isEmpty();
    assertThat(values(facts, Measure.CLA_CEASED, 2025)).containsExactly(0);
  }

  @Test
  void childWithTwoOpenEpisodesAtThirtyFirstMarchIsCountedOnce() {
    List<Fact> facts =
        facts(
            e(2024, "2023-06-01", "S", "C2", "2023-09-01", "X1"),
            e(2024, "2023-09-01", "P", "C2", null, null),
            // a stale version from an earlier return never closed
            e(2023, "2022-06-01", "S", "C2", null, null));
    assertThat(values(facts, Measure.CLA_AT31, 2024)).hasSize(1);
  }

  @Test
  void lastEndingOfTheYearDecidesReunification() {
    List<Fact> facts =
        facts(
            e(2024, "2023-04-10", "S", "V2", "2023-05-01", "E4A"),
            e(2024, "2023-08-01", "S", "C2", "2024-01-01", "E11"));
    assertThat(values(facts, Measure.CLA_CEASED, 2024)).containsExactly(0);
  }

  @Test
  void periodAlreadyUnderWayWhenTheLakeBeginsIsNotAStartButItsEndCounts() {
    List<Fact> facts =
        facts(
            e(2024, "2023-05-01", "P", "C2", "2023-08-01", "X1"),
            e(2024, "2023-08-01", "T", "C2", "2023-12-01", "E4A"));
    assertThat(values(facts, Measure.CLA_START, 2024)).isEmpty();
    assertThat(values(facts, Measure.CLA_CEASED, 2024)).containsExactly(1);
  }

  @Test
  void newStartWhileAPeriodIsOpenEndsItOnAnUnknownDateSoNeitherCeasedNorReentry() {
    List<Fact> facts =
        facts(
            e(2023, "2022-05-01", "S", "C2", null, null),
            e(2024, "2023-06-01", "S", "C2", null, null));
    assertThat(facts.stream().filter(f -> f.measure() == Measure.CLA_CEASED)).isEmpty();
    assertThat(values(facts, Measure.CLA_START, 2024)).containsExactly(0);
  }
}
