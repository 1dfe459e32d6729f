package org.soseval.pipeline.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class QualityFlagsTest {
  @Test
  void flagsWakefieldReferrals2014To2016AndNoOtherWakefieldYear() {
    // c1: Wakefield (384) referral_count 2014 9481, 2015 12879, 2016 12209 against about
    // 4,000-7,500
    // in other years; ONS mid-2013..2015 0-17: 68852, 69071, 69461 -> 1377, 1865, 1758 per 10,000
    List<Integer> flaggedYears =
        PublicData.panel().rows().stream()
            .filter(r -> r.la().oldLaCode().equals("384"))
            .filter(
                r -> r.flags().stream().anyMatch(f -> f.indicator() == Indicator.REFERRALS_COUNT))
            .map(PanelRow::year)
            .collect(Collectors.toList());
    assertThat(flaggedYears).containsExactly(2014, 2015, 2016);
    QualityFlag flag2015 =
        PublicData.panel().row("384", 2015).orElseThrow().flags().stream()
            .filter(f -> f.indicator() == Indicator.REFERRALS_COUNT)
            .findFirst()
            .orElseThrow();
    assertThat(flag2015.value())
        .isCloseTo(12879 / 69071.0 * 10_000, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(flag2015.rule()).isEqualTo(QualityFlags.OUTLIER_RULE);
    assertThat(flag2015.describe())
        .startsWith("referrals_count:outlier_own_series(1864.6 vs median ");
  }

  @Test
  void steadySeriesRaisesNoFlagAndOneJumpDoes() {
    // counts 100..104 and one of 300, population 10,000: rates per 10,000 = the counts
    double[] counts = {100, 101, 102, 103, 104, 300};
    List<PanelRow> rows = new java.util.ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      rows.add(PanelRows.withCount(2013 + i, Indicator.S47_COUNT, counts[i], 10_000));
    }
    List<PanelRow> flagged = QualityFlags.apply(rows);
    // median 102.5, MAD 1.5 -> 2.22, floored at 5% of the median = 5.125; (300-102.5)/5.125 = 38.5
    assertThat(flagged.get(5).flags())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.indicator()).isEqualTo(Indicator.S47_COUNT);
              assertThat(f.median()).isEqualTo(102.5);
              assertThat(f.scaledMad()).isEqualTo(0.05 * 102.5);
              assertThat(f.score())
                  .isCloseTo(
                      (300 - 102.5) / (0.05 * 102.5), org.assertj.core.data.Offset.offset(1e-9));
            });
    assertThat(flagged.subList(0, 5)).allSatisfy(r -> assertThat(r.flags()).isEmpty());
  }

  @Test
  void fewerThanFiveYearsRaiseNoFlag() {
    double[] counts = {100, 100, 100, 900};
    List<PanelRow> rows = new java.util.ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      rows.add(PanelRows.withCount(2013 + i, Indicator.S47_COUNT, counts[i], 10_000));
    }
    assertThat(QualityFlags.apply(rows)).allSatisfy(r -> assertThat(r.flags()).isEmpty());
  }
}
