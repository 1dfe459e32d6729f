package org.soseval.pipeline.stats.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.soseval.pipeline.stats.Arguments;
import org.soseval.pipeline.stats.Estimate;
import org.soseval.pipeline.stats.Interval;
import org.soseval.pipeline.stats.interval.ProportionIntervals;

/**
 * Percentage agreeing with a five-point Likert item, unweighted or with non-response weights.
 *
 * <p>Definition (methods.md section 6): {@code % agreeing = (agree + strongly agree) / valid x 100}
 * where valid responses are the scores 1 to 5. Don't know, not applicable and item non-response
 * (blank) are excluded from the base and reported separately. Intervals are Wilson score intervals
 * ({@link ProportionIntervals#wilson}; Wilson 1927, JASA 22:209-212), never Wald; they are returned
 * on the percentage scale.
 */
public final class PercentAgreeing {
  static final String METHOD = "wilson";
  static final String WEIGHTED_METHOD = "wilson-kish";

  private PercentAgreeing() {}

  /**
   * The unweighted percentage agreeing with its Wilson intervals, plus item and unit response
   * rates.
   *
   * <p>Edge cases: a base of 0 (every response missing, don't know or not applicable) gives an
   * empty {@link AgreementSummary#percentAgreeing()}; a single valid response gives 0% or 100% with
   * a Wilson interval of positive width (e.g. 1/1: 20.65-100 at 95%).
   *
   * @param counts the tally for the item
   * @param eligible units sampled or eligible; must be at least {@code counts.respondents()}
   * @param levels confidence levels in (0, 1), e.g. 0.95 and 0.998
   * @throws IllegalArgumentException if {@code eligible < counts.respondents()}, no level is given,
   *     or a level is outside (0, 1)
   */
  public static AgreementSummary of(LikertCounts counts, long eligible, double... levels) {
    long respondents = counts.respondents();
    if (eligible < respondents) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "eligible must be >= respondents (%d): %d", respondents, eligible));
    }
    long base = counts.valid();
    Optional<Estimate> percent =
        base == 0
            ? Optional.empty()
            : Optional.of(percentEstimate(counts.agreeing(), base, base, METHOD, levels));
    return new AgreementSummary(
        counts,
        eligible,
        percent,
        percentage(counts.answered(), respondents),
        percentage(respondents, eligible));
  }

  /**
   * The percentage agreeing with inverse-response (non-response) weights, one weight per stratum.
   *
   * <p>Each stratum {@code h} (e.g. LA x role) has weight {@code w_h = N_h / r_h}, {@link
   * NonResponseWeights#weight}, where {@code r_h = counts.respondents()} counts every responding
   * unit in the stratum (item non-response included, since the weight corrects unit non-response).
   * The estimate is {@code sum_h w_h a_h / sum_h w_h v_h} with {@code a_h} agreeing and {@code v_h}
   * valid responses. Its Wilson interval uses Kish's effective sample size over the valid responses
   * ({@link KishEffectiveSize}) as n and {@code p n_eff} as x (methods.md section 6).
   *
   * <p>Edge cases: strata with no valid responses contribute nothing; if no stratum has a valid
   * response the estimate is empty.
   *
   * @throws IllegalArgumentException if a stratum has respondents above its population, or a
   *     population but no respondents (collapse it with a neighbouring stratum first)
   */
  public static WeightedAgreement weighted(List<Stratum> strata, double... levels) {
    double weightedAgreeing = 0;
    double weightedBase = 0;
    double sumSquares = 0;
    long base = 0;
    List<StratumWeight> weights = new ArrayList<>();
    for (Stratum stratum : strata) {
      LikertCounts counts = stratum.counts();
      double weight =
          NonResponseWeights.weight(stratum.name(), stratum.population(), counts.respondents());
      weights.add(new StratumWeight(stratum.name(), weight));
      weightedAgreeing += weight * counts.agreeing();
      weightedBase += weight * counts.valid();
      sumSquares += weight * weight * counts.valid();
      base += counts.valid();
    }
    if (base == 0) {
      return new WeightedAgreement(Optional.empty(), 0, 0, 0, Double.NaN, weights);
    }
    KishEffectiveSize kish = KishEffectiveSize.ofSums(weightedBase, sumSquares, base);
    double proportion = weightedAgreeing / weightedBase;
    double neff = kish.effectiveSize();
    return new WeightedAgreement(
        Optional.of(percentEstimate(proportion * neff, neff, neff, WEIGHTED_METHOD, levels)),
        base,
        weightedBase,
        neff,
        kish.designEffect(),
        weights);
  }

  private static Estimate percentEstimate(
      double x, double n, double reportedN, String method, double... levels) {
    Arguments.atLeast("levels", levels.length, 1);
    List<Interval> intervals = new ArrayList<>(levels.length);
    for (double level : levels) {
      Interval interval = ProportionIntervals.wilson(x, n, level);
      intervals.add(Interval.of(100 * interval.lower(), 100 * interval.upper(), level));
    }
    return Estimate.of(100 * x / n, intervals, reportedN, method);
  }

  private static OptionalDouble percentage(long part, long whole) {
    return whole == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * part / whole);
  }
}
