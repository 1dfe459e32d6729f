package org.soseval.pipeline.stats.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.soseval.pipeline.stats.Estimate;
import org.soseval.pipeline.stats.Interval;

/**
 * Reference values: pipeline/src/test/resources/golden/stats/survey_reference.R (R 4.2.2).
 * Tolerance 1e-9 relative (methods.md section 9) unless noted.
 */
class PercentAgreeingTest {
  private static final double TOLERANCE = 1e-9;

  @Test
  void reproducesMethodsSection6WorkedExample() {
    // methods.md section 6: SA 30, A 52, N 8, D 6, SD 4, missing 12 -> 82/100 = 82.0%, 100/112
    LikertCounts counts = LikertCounts.of(4, 6, 8, 52, 30, 0, 0, 12);

    AgreementSummary summary = PercentAgreeing.of(counts, 112, 0.95);

    Estimate percent = summary.percentAgreeing().orElseThrow();
    assertThat(percent.value()).isCloseTo(82.0, within(1e-12));
    assertThat(percent.n()).isEqualTo(100);
    // R 4.2.2: prop.test(82, 100, correct = FALSE)$conf.int
    assertInterval(percent.interval(0.95), 73.3326416136993, 88.2997745010536);
    assertThat(summary.agreeing()).isEqualTo(82);
    assertThat(summary.base()).isEqualTo(100);
    assertThat(summary.itemNonResponse()).isEqualTo(12);
    assertThat(summary.respondents()).isEqualTo(112);
    // R: 100 / 112 * 100 = 89.2857142857143
    assertThat(summary.itemResponseRate().orElseThrow()).isCloseTo(89.2857142857143, within(1e-12));
    assertThat(summary.unitResponseRate().orElseThrow()).isCloseTo(100.0, within(1e-12));
  }

  @Test
  void excludesDontKnowAndNotApplicableFromTheBaseButReportsThem() {
    // SA 11, A 20, N 6, D 2, SD 1, DK 7, NA 3, missing 4; 60 eligible
    LikertCounts counts = LikertCounts.of(1, 2, 6, 20, 11, 7, 3, 4);

    AgreementSummary summary = PercentAgreeing.of(counts, 60, 0.95);

    Estimate percent = summary.percentAgreeing().orElseThrow();
    assertThat(percent.value()).isCloseTo(77.5, within(1e-12));
    assertThat(summary.base()).isEqualTo(40);
    assertThat(summary.dontKnow()).isEqualTo(7);
    assertThat(summary.notApplicable()).isEqualTo(3);
    assertThat(summary.itemNonResponse()).isEqualTo(4);
    assertThat(summary.unitNonResponse()).isEqualTo(6);
    // R 4.2.2: prop.test(31, 40, correct = FALSE)$conf.int
    assertInterval(percent.interval(0.95), 62.4969032576900, 87.6839086764593);
    // R: (54 - 4) / 54 * 100; 54 / 60 * 100
    assertThat(summary.itemResponseRate().orElseThrow()).isCloseTo(92.5925925925926, within(1e-12));
    assertThat(summary.unitResponseRate().orElseThrow()).isCloseTo(90.0, within(1e-12));
  }

  @Test
  void tallyOfIndividualResponsesMatchesCountsAndCombines() {
    List<LikertResponse> responses = new ArrayList<>();
    responses.addAll(Collections.nCopies(30, LikertResponse.ofScore(5)));
    responses.addAll(Collections.nCopies(52, LikertResponse.ofScore(4)));
    responses.addAll(Collections.nCopies(8, LikertResponse.ofScore(3)));
    responses.addAll(Collections.nCopies(6, LikertResponse.ofScore(2)));
    responses.addAll(Collections.nCopies(4, LikertResponse.ofScore(1)));
    responses.addAll(Collections.nCopies(12, LikertResponse.MISSING));
    Collections.shuffle(responses, new java.util.Random(7));

    LikertCounts whole = LikertCounts.tally(responses);
    LikertCounts split =
        LikertCounts.tally(responses.subList(0, 40))
            .combine(LikertCounts.tally(responses.subList(40, responses.size())));

    assertThat(whole).isEqualTo(LikertCounts.of(4, 6, 8, 52, 30, 0, 0, 12)).isEqualTo(split);
  }

  @Test
  void oneRespondentGivesFullWidthWilsonInterval() {
    AgreementSummary summary = PercentAgreeing.of(LikertCounts.of(0, 0, 0, 1, 0, 0, 0, 0), 5, 0.95);

    Estimate percent = summary.percentAgreeing().orElseThrow();
    assertThat(percent.value()).isEqualTo(100.0);
    // R 4.2.2: prop.test(1, 1, correct = FALSE)$conf.int
    assertInterval(percent.interval(0.95), 20.6549314377238, 100.0);
  }

  @Test
  void allResponsesMissingGivesNoPercentageButKeepsCounts() {
    AgreementSummary summary =
        PercentAgreeing.of(LikertCounts.of(0, 0, 0, 0, 0, 2, 0, 9), 20, 0.95);

    assertThat(summary.percentAgreeing()).isEmpty();
    assertThat(summary.base()).isZero();
    assertThat(summary.itemNonResponse()).isEqualTo(9);
    assertThat(summary.itemResponseRate().orElseThrow()).isCloseTo(200.0 / 11, within(1e-12));
  }

  @Test
  void noRespondentsGivesNoRates() {
    AgreementSummary summary = PercentAgreeing.of(LikertCounts.EMPTY, 0, 0.95);

    assertThat(summary.percentAgreeing()).isEmpty();
    assertThat(summary.itemResponseRate()).isEmpty();
    assertThat(summary.unitResponseRate()).isEmpty();
  }

  @Test
  void rejectsFewerEligibleThanRespondents() {
    assertThatThrownBy(() -> PercentAgreeing.of(LikertCounts.of(1, 1, 1, 1, 1, 0, 0, 0), 4, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("eligible must be >= respondents (5): 4");
  }

  @Test
  void rejectsNegativeCountsAndScoresOutsideTheScale() {
    assertThatThrownBy(() -> LikertCounts.of(0, 0, 0, -1, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("agree must be >= 0: -1");
    assertThatThrownBy(() -> LikertResponse.ofScore(6))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Likert score must be in 1-5: 6");
  }

  @Test
  void rejectsMissingLevel() {
    assertThatThrownBy(() -> PercentAgreeing.of(LikertCounts.of(1, 1, 1, 1, 1, 0, 0, 0), 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("levels needs at least 1 values: 0");
  }

  @Test
  void weightsByStratumReproduceMethodsSection6Example() {
    // methods.md section 6: A 52 agree of 60 responding (80 sampled), B 30 of 40 (70 sampled)
    List<Stratum> strata =
        List.of(
            Stratum.of("A", 80, LikertCounts.of(0, 0, 8, 52, 0, 0, 0, 0)),
            Stratum.of("B", 70, LikertCounts.of(0, 0, 10, 30, 0, 0, 0, 0)));

    WeightedAgreement weighted = PercentAgreeing.weighted(strata, 0.95);

    Estimate percent = weighted.percentAgreeing().orElseThrow();
    // R 4.2.2: weighted.mean(y, w) * 100; sum(w)^2 / sum(w^2); length(w) / neff
    assertThat(percent.value()).isCloseTo(81.2222222222222, within(1e-11));
    assertThat(weighted.effectiveBase()).isCloseTo(98.1818181818182, within(1e-11));
    assertThat(weighted.designEffect()).isCloseTo(1.01851851851852, within(1e-13));
    assertThat(percent.n()).isEqualTo(weighted.effectiveBase());
    assertThat(weighted.weightedBase()).isCloseTo(150.0, within(1e-12));
    assertThat(weighted.weights())
        .extracting(StratumWeight::weight)
        .containsExactly(80.0 / 60, 70.0 / 40);
    // R 4.2.2: prop.test(p * neff, neff, correct = FALSE)$conf.int
    assertInterval(percent.interval(0.95), 72.3779150341105, 87.7153232056112);
  }

  @Test
  void weightsCountItemNonRespondentsAsUnitRespondents() {
    // stratum C: population 50, 25 respond (weight 2), 20 valid (12 agree), 5 left the item blank
    List<Stratum> strata =
        List.of(
            Stratum.of("A", 80, LikertCounts.of(0, 0, 8, 52, 0, 0, 0, 0)),
            Stratum.of("B", 70, LikertCounts.of(0, 0, 10, 30, 0, 0, 0, 0)),
            Stratum.of("C", 50, LikertCounts.of(0, 0, 8, 12, 0, 0, 0, 5)));

    WeightedAgreement weighted = PercentAgreeing.weighted(strata, 0.95);

    Estimate percent = weighted.percentAgreeing().orElseThrow();
    // R 4.2.2 (survey_reference.R, "Weighted with item non-response")
    assertThat(percent.value()).isCloseTo(76.7543859649123, within(1e-11));
    assertThat(weighted.weightedBase()).isCloseTo(190.0, within(1e-12));
    assertThat(weighted.effectiveBase()).isCloseTo(116.765498652291, within(1e-10));
    assertThat(weighted.designEffect()).isCloseTo(1.02770083102493, within(1e-13));
    assertThat(weighted.base()).isEqualTo(120);
    assertInterval(percent.interval(0.95), 68.3157352353976, 83.4887258634339);
  }

  @Test
  void weightedWithNoValidResponseIsEmpty() {
    WeightedAgreement weighted =
        PercentAgreeing.weighted(
            List.of(Stratum.of("A", 10, LikertCounts.of(0, 0, 0, 0, 0, 1, 0, 2))), 0.95);

    assertThat(weighted.percentAgreeing()).isEmpty();
    assertThat(weighted.base()).isZero();
  }

  @Test
  void rejectsStratumWithPopulationButNoRespondents() {
    assertThatThrownBy(
            () ->
                PercentAgreeing.weighted(
                    List.of(Stratum.of("LA1|manager", 12, LikertCounts.EMPTY)), 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot weight stratum LA1|manager: population 12 but no respondents; collapse it"
                + " with a neighbouring stratum");
    assertThatThrownBy(() -> NonResponseWeights.weight("LA2|worker", 3, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot weight stratum LA2|worker: respondents (4) exceed population (3)");
  }

  @Test
  void kishEffectiveSizeOfEqualWeightsIsTheSampleSize() {
    KishEffectiveSize kish = KishEffectiveSize.of(2, 2, 2, 2);

    assertThat(kish.effectiveSize()).isEqualTo(4.0);
    assertThat(kish.designEffect()).isEqualTo(1.0);
    assertThatThrownBy(() -> KishEffectiveSize.of(1, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("weight must be finite: NaN");
    assertThatThrownBy(() -> KishEffectiveSize.of(0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sum of weights must be > 0: 0");
  }

  private static void assertInterval(Interval interval, double lower, double upper) {
    assertThat(interval.lower()).isCloseTo(lower, within(Math.abs(lower) * TOLERANCE + 1e-12));
    assertThat(interval.upper()).isCloseTo(upper, within(Math.abs(upper) * TOLERANCE + 1e-12));
  }
}
