package org.soseval.pipeline.derive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CinHistoryTest {
  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  private static List<Integer> values(List<Fact> facts, Measure measure, int year) {
    return facts.stream()
        .filter(f -> f.measure() == measure && f.year() == year)
        .map(Fact::value)
        .sorted()
        .toList();
  }

  private static List<Fact> facts(CinRecord... records) {
    return CinHistory.facts(List.of(records), 2015, 2026);
  }

  @Test
  void referralExactlyTwelveMonthsAfterAnotherIsARereferralOneDayMoreIsNot() {
    List<Fact> exactly =
        facts(
            CinRecord.episode(2024, d("2023-05-10"), d("2023-06-01"), null, 1),
            CinRecord.episode(2025, d("2024-05-10"), null, null, 1));
    assertThat(values(exactly, Measure.REFERRAL, 2025)).containsExactly(1);
    assertThat(values(exactly, Measure.REFERRAL, 2024)).containsExactly(0);

    List<Fact> dayMore =
        facts(
            CinRecord.episode(2024, d("2023-05-09"), d("2023-06-01"), null, 1),
            CinRecord.episode(2025, d("2024-05-10"), null, null, 1));
    assertThat(values(dayMore, Measure.REFERRAL, 2025)).containsExactly(0);
  }

  @Test
  void twelveMonthsFromTwentyNinthFebruaryEndOnTwentyEighth() {
    // 2024-02-29 + 12 months = 2025-02-28 (clamped): the 28th is within, 1 March is not
    List<Fact> within =
        facts(
            CinRecord.episode(2024, d("2024-02-29"), d("2024-03-10"), null, 1),
            CinRecord.episode(2025, d("2025-02-28"), null, null, 1));
    assertThat(values(within, Measure.REFERRAL, 2025)).containsExactly(1);
    List<Fact> after =
        facts(
            CinRecord.episode(2024, d("2024-02-29"), d("2024-03-10"), null, 1),
            CinRecord.episode(2025, d("2025-03-01"), null, null, 1));
    assertThat(values(after, Measure.REFERRAL, 2025)).containsExactly(0);
  }

  @Test
  void sameDayReferralsAreNotEarlierThanEachOtherButAnEarlierOneCountsForBoth() {
    List<Fact> sameDay =
        facts(
            CinRecord.episode(2025, d("2024-06-01"), d("2024-06-02"), null, 1),
            CinRecord.episode(2025, d("2024-06-01"), null, null, 2));
    assertThat(values(sameDay, Measure.REFERRAL, 2025)).containsExactly(0, 0);

    List<Fact> withEarlierNfa =
        facts(
            // an earlier referral closed with no further action still counts as history
            CinRecord.episode(2024, d("2024-01-15"), d("2024-01-15"), null, 1),
            CinRecord.episode(2025, d("2024-06-01"), d("2024-06-02"), null, 1),
            CinRecord.episode(2025, d("2024-06-01"), null, null, 2));
    assertThat(values(withEarlierNfa, Measure.REFERRAL, 2025)).containsExactly(1, 1);
  }

  @Test
  void episodeRepeatedInTwoCensusesCountsOnceWithTheLaterVersion() {
    List<Fact> facts =
        facts(
            CinRecord.episode(2024, d("2023-10-01"), null, null, 1),
            CinRecord.episode(2025, d("2023-10-01"), d("2024-05-01"), null, 1));
    assertThat(values(facts, Measure.REFERRAL, 2024)).containsExactly(0);
    assertThat(values(facts, Measure.CIN_AT31, 2024)).hasSize(1);
    assertThat(values(facts, Measure.CIN_AT31, 2025)).isEmpty();
  }

  @Test
  void sameDayReferralLeftAloneInALaterCensusIsNotMergedWithItsClosedSibling() {
    // Two referrals on 2018-06-01: the first closed 2018-07-01 (with a conference recorded at
    // episode level), the second still open at 31 March 2019. The 2020 census holds only the
    // second, numbered 1 there: it is the 2019 file's second, not its first.
    List<Fact> facts =
        facts(
            CinRecord.episode(2019, d("2018-06-01"), d("2018-07-01"), d("2018-06-20"), 1),
            CinRecord.episode(2019, d("2018-06-01"), null, null, 2),
            CinRecord.episode(2020, d("2018-06-01"), d("2019-06-15"), null, 1));
    assertThat(values(facts, Measure.REFERRAL, 2019)).containsExactly(0, 0);
    assertThat(values(facts, Measure.CIN_AT31, 2019)).hasSize(1); // the second only
    assertThat(values(facts, Measure.CIN_AT31, 2020)).isEmpty(); // closed 2019-06-15
    assertThat(values(facts, Measure.ICPC, 2019)).hasSize(1); // the first's conference is kept
  }

  @Test
  void sameDayReferralsBothRepeatedInALaterCensusKeepTheirOrder() {
    List<Fact> facts =
        facts(
            CinRecord.episode(2019, d("2019-03-01"), null, null, 1),
            CinRecord.episode(2019, d("2019-03-01"), null, null, 2),
            CinRecord.episode(2020, d("2019-03-01"), d("2019-04-10"), null, 1),
            CinRecord.episode(2020, d("2019-03-01"), d("2020-03-31"), null, 2));
    assertThat(values(facts, Measure.REFERRAL, 2019)).containsExactly(0, 0);
    assertThat(values(facts, Measure.CIN_AT31, 2019)).hasSize(2);
    assertThat(values(facts, Measure.CIN_AT31, 2020)).isEmpty(); // the second ends on 31 March
  }

  @Test
  void openEpisodeIsOpenOnlyUpToTheCollectionYearThatSaysSo() {
    List<Fact> facts = facts(CinRecord.episode(2024, d("2022-10-01"), null, null, 1));
    assertThat(facts.stream().filter(f -> f.measure() == Measure.CIN_AT31).map(Fact::year))
        .containsExactly(2023, 2024);
  }

  @Test
  void planEndingOnThirtyFirstMarchIsNotOpenThenOneEndingNextDayIs() {
    List<Fact> ending = facts(CinRecord.plan(2024, d("2023-06-01"), d("2024-03-31"), 0));
    assertThat(values(ending, Measure.CPP_AT31, 2024)).isEmpty();
    assertThat(values(ending, Measure.CPP_START, 2024)).containsExactly(0);

    List<Fact> open = facts(CinRecord.plan(2025, d("2023-06-01"), d("2024-04-01"), 2));
    assertThat(values(open, Measure.CPP_AT31, 2024)).hasSize(1);
    assertThat(values(open, Measure.CPP_START, 2024)).containsExactly(1);
  }

  @Test
  void planStartingOnThirtyFirstMarchIsOpenThen() {
    List<Fact> facts = facts(CinRecord.plan(2024, d("2024-03-31"), null, 0));
    assertThat(values(facts, Measure.CPP_AT31, 2024)).hasSize(1);
  }

  @Test
  void assessmentDurationSkipsWeekendsAndBankHolidays() {
    // Thu 2024-03-28 to Tue 2024-04-02: Good Friday, Sat, Sun, Easter Monday skipped -> 1 day
    List<Fact> easter = facts(CinRecord.assessment(2024, d("2024-03-28"), d("2024-04-02")));
    assertThat(values(easter, Measure.ASSESSMENT, 2025)).containsExactly(1);
    // authorised the day it started: 0 working days
    List<Fact> sameDay = facts(CinRecord.assessment(2025, d("2024-07-10"), d("2024-07-10")));
    assertThat(values(sameDay, Measure.ASSESSMENT, 2025)).containsExactly(0);
    // Mon 2024-12-23 to Fri 2025-01-03: Christmas, Boxing Day, New Year's Day skipped -> 6
    List<Fact> christmas = facts(CinRecord.assessment(2025, d("2024-12-23"), d("2025-01-03")));
    assertThat(values(christmas, Measure.ASSESSMENT, 2025)).containsExactly(6);
  }

  @Test
  void assessmentRepeatedAcrossFilesCountsOnceAndTheLaterVersionDecidesTheYear() {
    List<Fact> facts =
        facts(
            CinRecord.assessment(2024, d("2024-03-20"), null),
            CinRecord.assessment(2025, d("2024-03-20"), d("2024-04-10")));
    assertThat(facts.stream().filter(f -> f.measure() == Measure.ASSESSMENT).map(Fact::year))
        .containsExactly(2025);
  }

  @Test
  void assessmentAuthorisedBeforeItStartedIsCountedButNotTimed() {
    List<Fact> facts = facts(CinRecord.assessment(2025, d("2024-07-10"), d("2024-07-01")));
    assertThat(values(facts, Measure.ASSESSMENT, 2025)).isEmpty();
    assertThat(values(facts, Measure.ASSESSMENT_UNTIMED, 2025)).containsExactly(0);
  }

  @Test
  void episodeLevelConferenceCountsInIcpcButNotInTimeliness() {
    List<Fact> facts =
        facts(
            CinRecord.episode(2025, d("2024-06-01"), null, d("2024-06-20"), 1),
            CinRecord.episode(2025, d("2024-09-01"), null, d("2024-09-25"), 1),
            // Mon 2024-09-02 to Wed 2024-09-25: 17 working days
            CinRecord.section47(2025, d("2024-09-02"), d("2024-09-25")));
    // two conferences: (child, 2024-06-20) at episode level, (child, 2024-09-25) on both
    assertThat(values(facts, Measure.ICPC, 2025)).hasSize(2);
    assertThat(values(facts, Measure.ICPC_S47_DAYS, 2025)).containsExactly(17);
    assertThat(values(facts, Measure.S47, 2025)).hasSize(1);
  }

  @Test
  void conferenceInTheNextYearIsTimedFromItsEnquiryInThePreviousYear() {
    // Thu 2024-03-21 to Mon 2024-04-15: 15 working days (Good Friday, Easter Monday skipped)
    List<Fact> facts = facts(CinRecord.section47(2025, d("2024-03-21"), d("2024-04-15")));
    assertThat(values(facts, Measure.S47, 2024)).hasSize(1);
    assertThat(values(facts, Measure.ICPC, 2025)).hasSize(1);
    assertThat(values(facts, Measure.ICPC_S47_DAYS, 2025)).containsExactly(15);
  }

  @Test
  void factsOutsideTheRangeAreNotMade() {
    List<Fact> facts =
        CinHistory.facts(
            List.of(CinRecord.episode(2024, d("2010-05-01"), null, null, 1)), 2023, 2024);
    assertThat(facts)
        .containsExactly(new Fact(2023, Measure.CIN_AT31, 0), new Fact(2024, Measure.CIN_AT31, 0));
  }
}
