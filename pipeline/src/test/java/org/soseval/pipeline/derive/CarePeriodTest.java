package org.soseval.pipeline.derive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The repair rules of {@link CarePeriod} on hand-built histories (docs/ingest.md). */
class CarePeriodTest {
  private static LocalDate d(String iso) {
    return iso == null ? null : LocalDate.parse(iso);
  }

  private static CareEpisode e(
      int year, String decom, String rne, String ls, String dec, String rec) {
    return CareEpisode.of(year, d(decom), rne, ls, d(dec), rec);
  }

  private static SortedSet<Integer> returns(Integer... years) {
    return new TreeSet<>(List.of(years));
  }

  /** A period as text: start, RNE, end, reason, status, episodes, returns, rules. */
  private static String show(CarePeriod p) {
    return String.join(
        " ",
        p.start().toString(),
        p.startRne(),
        p.end().map(LocalDate::toString).orElse("-"),
        p.endReason().orElse("-"),
        p.status(),
        Integer.toString(p.episodes()),
        p.firstReturn() + "-" + p.lastReturn(),
        p.imputedByIds().orElse("-"));
  }

  private static List<String> periods(SortedSet<Integer> returns, CareEpisode... versions) {
    return CarePeriod.of(List.of(versions), returns).stream().map(CarePeriodTest::show).toList();
  }

  @Test
  void openEpisodeWhoseContinuationNextYearHasAnotherDecomIsReplacedAndTheLinkRepaired() {
    assertThat(
            periods(
                returns(2016, 2017),
                e(2016, "2015-06-01", "S", "C2", "2016-01-10", "X1"),
                e(2016, "2016-01-10", "P", "C2", null, null),
                // 2017 re-records the open episode as starting on 12 January
                e(2017, "2016-01-12", "P", "C2", "2016-09-01", "X1"),
                e(2017, "2016-09-01", "P", "C2", "2017-02-01", "E4A")))
        .containsExactly("2015-06-01 S 2017-02-01 E4A ended 3 2016-2017 903_REPLACED;903_X1_GAP");
  }

  @Test
  void episodeOpenAt31MarchAndClosedInTheNextReturnIsOneEpisodeNotImputed() {
    assertThat(
            periods(
                returns(2016, 2017),
                e(2016, "2015-10-01", "S", "C2", null, null),
                e(2017, "2015-10-01", "S", "C2", "2016-06-30", "E4A")))
        .containsExactly("2015-10-01 S 2016-06-30 E4A ended 1 2017-2017 -");
  }

  @Test
  void periodWhoseEndIsNeverReturnedEndsOn31MarchWhenTheLaHasALaterReturn() {
    CareEpisode open = e(2016, "2015-10-01", "S", "V2", null, null);
    assertThat(periods(returns(2016, 2017, 2018), open))
        .containsExactly("2015-10-01 S 2016-03-31 E99 ended 1 2016-2016 903_OPEN_ENDED");
    // the LA's latest return: still looked after
    assertThat(periods(returns(2016), open)).containsExactly("2015-10-01 S - - open 1 2016-2016 -");
    // an X1 ending with no episode after it: the period's end is unknown, nothing is invented
    assertThat(periods(returns(2016), e(2016, "2015-10-01", "S", "V2", "2015-12-01", "X1")))
        .containsExactly("2015-10-01 S - - end_unknown 1 2016-2016 -");
  }

  @Test
  void childAbsentFromAReturnTheLaDepositedLeftCareAt31March() {
    CareEpisode open = e(2016, "2015-05-01", "S", "C2", null, null);
    assertThat(
            periods(returns(2016, 2017, 2018), open, e(2018, "2017-06-01", "S", "C2", null, null)))
        .containsExactly(
            "2015-05-01 S 2016-03-31 E99 ended 1 2016-2016 903_OPEN_ENDED",
            "2017-06-01 S - - open 1 2018-2018 -");
    // a continuing RNE after a year the child was not in does not bridge the year
    assertThat(
            periods(returns(2016, 2017, 2018), open, e(2018, "2017-06-01", "P", "C2", null, null)))
        .containsExactly(
            "2015-05-01 S 2016-03-31 E99 ended 1 2016-2016 903_OPEN_ENDED",
            "2017-06-01 P - - open 1 2018-2018 -");
    // without the 2017 return in the lake there is no evidence of absence: the child stayed
    assertThat(periods(returns(2016, 2018), open, e(2018, "2017-06-01", "P", "C2", null, null)))
        .containsExactly("2015-05-01 S - - open 2 2016-2018 903_OPEN_CONTINUED");
  }

  @Test
  void openEpisodeFollowedByANewStartEndsTheDayBefore() {
    assertThat(
            periods(
                returns(2016, 2017),
                e(2016, "2015-05-01", "S", "C2", null, null),
                e(2016, "2016-02-10", "S", "C2", "2016-03-01", "E4B")))
        .containsExactly(
            "2015-05-01 S 2016-02-09 E99 ended 1 2016-2016 903_OPEN_ENDED",
            "2016-02-10 S 2016-03-01 E4B ended 1 2016-2016 -");
  }

  @Test
  void overlappingEpisodesAcrossReturnsEndWhenTheNextBegins() {
    assertThat(
            periods(
                returns(2016, 2017),
                e(2016, "2015-04-10", "S", "C1", "2016-02-01", "X1"),
                e(2016, "2016-02-01", "P", "C1", null, null),
                e(2017, "2016-02-01", "P", "C1", "2016-08-01", "X1"),
                e(2017, "2016-07-15", "P", "C2", "2017-01-05", "E4B")))
        .containsExactly("2015-04-10 S 2017-01-05 E4B ended 3 2016-2017 903_OVERLAP");
    // a period that ended after the next one began ends on that day
    assertThat(
            periods(
                returns(2016),
                e(2016, "2015-05-01", "S", "C2", "2016-03-01", "E4A"),
                e(2016, "2016-02-01", "S", "C2", null, null)))
        .containsExactly(
            "2015-05-01 S 2016-02-01 E4A ended 1 2016-2016 903_OVERLAP",
            "2016-02-01 S - - open 1 2016-2016 -");
  }

  @Test
  void shortBreaksAreNotPeriodsOfCare() {
    assertThat(periods(returns(2016), e(2016, "2015-05-01", "S", "V3", "2015-05-03", "E4A")))
        .isEmpty();
  }

  @Test
  void theIndicatorsStitchTheSameUnrepairedEpisodesAsBefore() {
    // CareHistory's periods carry their episodes now; starts, ends and reasons are unchanged
    List<CareHistory.Period> periods =
        CareHistory.periods(
            CareHistory.latest(
                List.of(
                    e(2016, "2015-05-01", "P", "C2", "2015-08-01", "X1"),
                    e(2016, "2015-08-01", "P", "C2", "2015-09-01", "E4A"),
                    e(2016, "2015-10-01", "S", "C2", null, null))));
    assertThat(periods).hasSize(2);
    assertThat(periods.get(0).start()).isEmpty();
    assertThat(periods.get(0).end()).contains(d("2015-09-01"));
    assertThat(periods.get(0).episodes()).hasSize(2);
    assertThat(periods.get(1).start()).isEqualTo(Optional.of(d("2015-10-01")));
    assertThat(periods.get(1).episodes()).hasSize(1);
  }
}
