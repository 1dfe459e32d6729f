package org.soseval.pipeline.stats.interval;

import java.util.ArrayList;
import java.util.List;
import org.soseval.pipeline.stats.Arguments;
import org.soseval.pipeline.stats.Estimate;
import org.soseval.pipeline.stats.Interval;

/**
 * Crude rates {@code x / n × multiplier} with confidence intervals exactly as PHEindicatormethods
 * 2.1.0 {@code phe_rate}: exact chi-square limits when {@code x < 10} (method {@code "exact"}),
 * Byars limits otherwise (method {@code "byars"}); limits are computed on the count and divided by
 * {@code n}. See {@link PoissonLimits} for the formulas.
 */
public final class RateIntervals {
  private RateIntervals() {}

  /**
   * The crude rate {@code x / n × multiplier} with PHE limits at each level (95% and 99.8% with
   * {@link #rate95And998}). The estimate's {@code n} is the event count {@code x} (the count the
   * interval rests on) and its method is {@code "exact"} or {@code "byars"}. {@code x = 0} gives
   * rate 0 with lower limit 0. A Byars lower limit that would be negative is NaN, as the package's
   * NA (it cannot happen for {@code x >= 10} at levels up to 99.8%).
   *
   * @throws IllegalArgumentException if {@code x} is negative or not finite, {@code n} is not
   *     positive and finite, the multiplier is not positive and finite, or a level is outside (0,
   *     1) or repeated
   */
  public static Estimate rate(double x, double n, double multiplier, double... levels) {
    Arguments.positive("n", n);
    Arguments.finite("n", n);
    ProportionIntervals.checkMultiplier(multiplier);
    String method = PoissonLimits.methodFor(x);
    double[] checked = ConfidenceLevels.check(levels);
    double factor = multiplier / n;
    List<Interval> intervals = new ArrayList<>(checked.length);
    for (double level : checked) {
      intervals.add(ProportionIntervals.scale(PoissonLimits.phe(x, level), factor));
    }
    return Estimate.of(x * factor, intervals, x, method);
  }

  /** {@link #rate} at 95% and 99.8%, in that order. */
  public static Estimate rate95And998(double x, double n, double multiplier) {
    return rate(x, n, multiplier, ConfidenceLevels.LEVEL_95, ConfidenceLevels.LEVEL_99_8);
  }
}
