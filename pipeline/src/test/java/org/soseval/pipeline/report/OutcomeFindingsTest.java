package org.soseval.pipeline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.soseval.pipeline.compare.ComparisonGroup;
import org.soseval.pipeline.compare.EffectEstimator;
import org.soseval.pipeline.panel.PublishedValue;

/** The group means the report prints, over values from deposits after disclosure control. */
class OutcomeFindingsTest {
  private static EffectEstimator.UsedObservation used(
      String la, boolean pilot, double value, PublishedValue published) {
    return new EffectEstimator.UsedObservation(
        "icpc_rate", la, 2019, value, "deposits", pilot, false, published, List.of());
  }

  private static OutcomeFindings findings(
      List<String> pilots, List<String> comparators, EffectEstimator.UsedObservation... used) {
    return OutcomeFindings.of(
        new EffectEstimator.OutcomeEffects("icpc_rate", List.of(), List.of(used), List.of()),
        new ComparisonGroup(pilots, comparators, "list"));
  }

  @Test
  void meansAreOfThePublishedValuesAndLeaveOutWithheldCells() {
    // comparators 20.04, 30.0 and a withheld 4.2 (c in panel.csv); pilots 10.0 and 12.0
    OutcomeFindings findings =
        findings(
            List.of("101", "102"),
            List.of("201", "202", "203"),
            used("101", true, 10.0, PublishedValue.of(10.0)),
            used("102", true, 12.0, PublishedValue.of(12.0)),
            used("201", false, 20.04, PublishedValue.of(20.0)),
            used("202", false, 30.0, PublishedValue.of(30.0)),
            used("203", false, 4.2, PublishedValue.missing("c")));
    // (20.0 + 30.0) / 2 = 25.0; with the withheld 4.2 it would be 18.08, and 3 x 18.08 - 50.04
    // would give the 4.2 back
    assertThat(findings.comparatorMeans().get(2019).mean()).isCloseTo(25.0, within(1e-12));
    assertThat(findings.comparatorMeans().get(2019).count()).isEqualTo(2);
    assertThat(findings.pilotMeans().get(2019).mean()).isCloseTo(11.0, within(1e-12));
    assertThat(findings.withheld()).isEqualTo(1);
    // the estimates still used all five LA-years
    assertThat(findings.used()).isEqualTo(5);
    assertThat(findings.comparatorsWithData()).isEqualTo(3);
  }

  @Test
  void aYearWhoseValuesAreAllWithheldHasNoMean() {
    OutcomeFindings findings =
        findings(
            List.of("101"),
            List.of("201"),
            used("101", true, 10.0, PublishedValue.of(10.0)),
            used("201", false, 3.0, PublishedValue.missing("c")));
    assertThat(findings.comparatorMeans()).doesNotContainKey(2019);
    assertThat(findings.withheld()).isEqualTo(1);
  }
}
