package org.soseval.pipeline.stats.funnel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.soseval.pipeline.stats.Arguments;
import org.soseval.pipeline.stats.Interval;
import org.soseval.pipeline.stats.interval.ConfidenceLevels;
import org.soseval.pipeline.stats.interval.PoissonLimits;

/**
 * Funnel-plot control limits and significance labels exactly as PHEindicatormethods 2.1.0 {@code
 * calculate_funnel_limits} and {@code assign_funnel_significance} (R/Funnels.R, R/utils.R;
 * methods.md §4.3 items 4-6).
 *
 * <ul>
 *   <li><b>Proportions</b> ("Wilson"): target {@code θ0 = Σx / Σn}; limits {@code θ0 ± z sqrt(θ0(1
 *       − θ0)/N)} (the package's {@code sigma_adjustment} quadratic is algebraically this: the N at
 *       which the Wilson interval of an observed proportion touches θ0), × multiplier, then clipped
 *       with {@code max(0, ·)} and {@code min(100, ·)} — the 100 cap applies whatever the
 *       multiplier, a package quirk kept here.
 *   <li><b>Ratios</b> ("Poisson"): for observed count O on the axis, the expected count at which O
 *       lies on the limit: {@code E_L(O) = χ²⁻¹(1 − p; 2O + 2)/2}, {@code E_U(O) = χ²⁻¹(p; 2O)/2}
 *       (the exact limits of {@link PoissonLimits#exact}); limits O/E, as O/E − 1 (count) or O/E ×
 *       100 (isr). The package finds E by bisection; this closed form agrees to 1e-6 relative, 5e-5
 *       at O = 1.
 *   <li><b>Rates</b> ("Poisson"): denominators derived as {@code multiplier × O / rate} (a crude
 *       rate with O = 0 uses its supplied denominator; a DSR with O = 0 is left out), {@code r̄ =
 *       ΣO / ΣD}; population at a limit {@code E/r̄}, limit {@code O / population × multiplier},
 *       population reported per year ({@code ÷ years}).
 * </ul>
 *
 * <p>The x-axis grid has 100 points: {@code g_1 = max(1, axisMin)}, {@code g_j = max(round((axisMax
 * / g_{j−1})^(1/(101 − k)) g_{j−1}), g_{j−1} + 1)} with {@code k = j} (proportions, rates) or
 * {@code k = j − 1} (ratios), and round half to even as R's {@code round}. {@code axisMin} is 0
 * when the largest denominator exceeds twice the smallest, else the smallest rounded down from 95%
 * to one significant figure; {@code axisMax} is the largest rounded up from 105% to two significant
 * figures. Rates do this per year and convert to events with {@code floor/ceiling(· × r̄)}.
 *
 * <p>A single unit is allowed. Inputs must be finite; see each method for its checks.
 */
public final class PheFunnels {
  private static final int POINTS = 100;
  private static final double CAP = 100;
  private static final double Z95 = ConfidenceLevels.z(ConfidenceLevels.LEVEL_95);
  private static final double Z998 = ConfidenceLevels.z(ConfidenceLevels.LEVEL_99_8);

  private PheFunnels() {}

  /**
   * Proportion funnel limits (statistic "proportion", method "Wilson").
   *
   * @param numerators events per unit, {@code 0 <= x <= n}
   * @param denominators trials per unit, {@code > 0}
   * @param multiplier e.g. 100 for percentages; positive and finite
   * @throws IllegalArgumentException for empty or unequal arrays or values breaking the rules
   */
  public static FunnelLimits proportionLimits(
      double[] numerators, double[] denominators, double multiplier) {
    checkProportions(numerators, denominators);
    checkMultiplier(multiplier);
    double target = sum(numerators) / sum(denominators);
    double[] axis = axis(min(denominators), max(denominators), false);
    List<FunnelPoint> points = new ArrayList<>(POINTS);
    for (double n : axis) {
      double lower95 = Math.max(0, normalLimit(target, n, -Z95) * multiplier);
      double upper95 = Math.min(CAP, normalLimit(target, n, Z95) * multiplier);
      double lower998 = Math.max(0, normalLimit(target, n, -Z998) * multiplier);
      double upper998 = Math.min(CAP, normalLimit(target, n, Z998) * multiplier);
      points.add(new FunnelPoint(n, lower95, upper95, lower998, upper998, n, n, n, n));
    }
    return new FunnelLimits("proportion", "Wilson", target * multiplier, points);
  }

  /**
   * Ratio funnel limits (statistic "ratio (count)" or "ratio (isr)", method "Poisson"); the axis is
   * observed events, laid out from the range of the expected counts.
   *
   * @param observed observed events per unit, {@code >= 0}
   * @param expected expected events per unit, {@code > 0}
   * @throws IllegalArgumentException for empty or unequal arrays or values breaking the rules
   */
  public static FunnelLimits ratioLimits(double[] observed, double[] expected, RatioType type) {
    checkLengths(observed, expected, "expected");
    for (int i = 0; i < observed.length; i++) {
      checkCount("observed", observed[i]);
      checkDenominator("expected", expected[i]);
    }
    double[] axis = axis(min(expected), max(expected), true);
    List<FunnelPoint> points = new ArrayList<>(POINTS);
    for (double o : axis) {
      Interval e95 = PoissonLimits.exact(o, ConfidenceLevels.LEVEL_95);
      Interval e998 = PoissonLimits.exact(o, ConfidenceLevels.LEVEL_99_8);
      points.add(
          new FunnelPoint(
              o,
              ratio(o / e95.upper(), type),
              ratio(o / e95.lower(), type),
              ratio(o / e998.upper(), type),
              ratio(o / e998.lower(), type),
              e95.upper(),
              e95.lower(),
              e998.upper(),
              e998.lower()));
    }
    String name = type == RatioType.COUNT ? "count" : "isr";
    return new FunnelLimits("ratio (" + name + ")", "Poisson", ratio(1, type), points);
  }

  /**
   * Rate funnel limits without denominators: every unit's denominator is derived from its rate, so
   * every unit of a crude rate must have events (a DSR unit with none is left out).
   *
   * @see #rateLimits(double[], double[], double[], RateType, double, double)
   */
  public static FunnelLimits rateLimits(
      double[] numerators, double[] rates, RateType type, double multiplier, double yearsOfData) {
    return rateLimitsOf(numerators, rates, null, type, multiplier, yearsOfData);
  }

  /**
   * Rate funnel limits (statistic "rate (dsr per 100,000)" etc., method "Poisson"). The axis is
   * events; each point reports the population per year at which those events sit on the limit.
   *
   * @param numerators events per unit, {@code >= 0}, not all 0
   * @param rates rate per unit (per {@code multiplier}), {@code > 0} where there are events
   * @param denominators denominators per unit, {@code > 0}; used only for crude units with no
   *     events
   * @param yearsOfData the number of years the data cover, {@code > 0}
   * @throws IllegalArgumentException for empty or unequal arrays, values breaking the rules, or a
   *     crude unit with no events when no denominators are given
   */
  public static FunnelLimits rateLimits(
      double[] numerators,
      double[] rates,
      double[] denominators,
      RateType type,
      double multiplier,
      double yearsOfData) {
    Objects.requireNonNull(denominators, "denominators is null");
    return rateLimitsOf(numerators, rates, denominators, type, multiplier, yearsOfData);
  }

  /** {@code denominators} may be null: every denominator is then derived from its rate. */
  private static FunnelLimits rateLimitsOf(
      double[] numerators,
      double[] rates,
      double[] denominators,
      RateType type,
      double multiplier,
      double yearsOfData) {
    checkMultiplier(multiplier);
    Arguments.finite("yearsOfData", Arguments.positive("yearsOfData", yearsOfData));
    double[] derived = derivedDenominators(numerators, rates, denominators, type, multiplier);
    double average = averageRate(numerators, derived);
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double d : derived) {
      if (!Double.isNaN(d)) {
        min = Math.min(min, d);
        max = Math.max(max, d);
      }
    }
    double axisMin = max > 2 * min ? 0 : floorSignificant(min / yearsOfData) * yearsOfData;
    double axisMax = ceilingSignificant(max / yearsOfData) * yearsOfData;
    double[] axis = grid(Math.floor(axisMin * average), Math.ceil(axisMax * average), false);
    List<FunnelPoint> points = new ArrayList<>(POINTS);
    for (double o : axis) {
      Interval e95 = PoissonLimits.exact(o, ConfidenceLevels.LEVEL_95);
      Interval e998 = PoissonLimits.exact(o, ConfidenceLevels.LEVEL_99_8);
      double lower95 = e95.upper() / average;
      double upper95 = e95.lower() / average;
      double lower998 = e998.upper() / average;
      double upper998 = e998.lower() / average;
      points.add(
          new FunnelPoint(
              o,
              o / lower95 * multiplier,
              o / upper95 * multiplier,
              o / lower998 * multiplier,
              o / upper998 * multiplier,
              lower95 / yearsOfData,
              upper95 / yearsOfData,
              lower998 / yearsOfData,
              upper998 / yearsOfData));
    }
    String statistic =
        String.format(
            Locale.ROOT,
            "rate (%s per %s)",
            type == RateType.DSR ? "dsr" : "crude",
            formatMultiplier(multiplier));
    return new FunnelLimits(statistic, "Poisson", average * multiplier, points);
  }

  /**
   * Significance of each unit's proportion {@code x/n} against the limits at its own {@code n}
   * (unclipped), target {@code Σx/Σn}: {@code LOW_0_001} below the lower 99.8% limit, else {@code
   * LOW_0_025} below the lower 95%, else {@code HIGH_0_001} above the upper 99.8%, else {@code
   * HIGH_0_025} above the upper 95%, else {@code NOT_SIGNIFICANT}. A value on a limit is not
   * significant.
   *
   * @throws IllegalArgumentException as {@link #proportionLimits}
   */
  public static List<FunnelSignificance> proportionSignificance(
      double[] numerators, double[] denominators) {
    checkProportions(numerators, denominators);
    double target = sum(numerators) / sum(denominators);
    List<FunnelSignificance> labels = new ArrayList<>(numerators.length);
    for (int i = 0; i < numerators.length; i++) {
      double n = denominators[i];
      double y = numerators[i] / n;
      FunnelSignificance label;
      if (y < normalLimit(target, n, -Z998)) {
        label = FunnelSignificance.LOW_0_001;
      } else if (y < normalLimit(target, n, -Z95)) {
        label = FunnelSignificance.LOW_0_025;
      } else if (y > normalLimit(target, n, Z998)) {
        label = FunnelSignificance.HIGH_0_001;
      } else if (y > normalLimit(target, n, Z95)) {
        label = FunnelSignificance.HIGH_0_025;
      } else {
        label = FunnelSignificance.NOT_SIGNIFICANT;
      }
      labels.add(label);
    }
    return labels;
  }

  /**
   * Significance of each unit's ratio O/E against 1: the unit is high when the lower limit of O
   * (exact below 10 events, Byars from 10; 0 when O = 0) divided by E exceeds 1, at 99.8% then 95%;
   * low when the upper limit divided by E is below 1.
   *
   * @throws IllegalArgumentException as {@link #ratioLimits}
   */
  public static List<FunnelSignificance> ratioSignificance(double[] observed, double[] expected) {
    checkLengths(observed, expected, "expected");
    List<FunnelSignificance> labels = new ArrayList<>(observed.length);
    for (int i = 0; i < observed.length; i++) {
      checkCount("observed", observed[i]);
      labels.add(poissonLabel(observed[i], checkDenominator("expected", expected[i]), 1));
    }
    return labels;
  }

  /**
   * Significance of each unit's rate against {@code r̄ = ΣO / ΣD} with derived denominators D (see
   * the class comment): as {@link #ratioSignificance} with r̄ in place of 1 and D in place of E. A
   * DSR unit with fewer than 10 events is {@link FunnelSignificance#NOT_APPLICABLE}.
   *
   * @param denominators as in {@link #rateLimits(double[], double[], double[], RateType, double,
   *     double)}
   * @throws IllegalArgumentException as {@link #rateLimits(double[], double[], double[], RateType,
   *     double, double)}
   */
  public static List<FunnelSignificance> rateSignificance(
      double[] numerators,
      double[] rates,
      double[] denominators,
      RateType type,
      double multiplier) {
    Objects.requireNonNull(denominators, "denominators is null");
    return rateSignificanceOf(numerators, rates, denominators, type, multiplier);
  }

  private static List<FunnelSignificance> rateSignificanceOf(
      double[] numerators,
      double[] rates,
      double[] denominators,
      RateType type,
      double multiplier) {
    checkMultiplier(multiplier);
    double[] derived = derivedDenominators(numerators, rates, denominators, type, multiplier);
    double average = averageRate(numerators, derived);
    List<FunnelSignificance> labels = new ArrayList<>(numerators.length);
    for (int i = 0; i < numerators.length; i++) {
      if (type == RateType.DSR && numerators[i] < PoissonLimits.BYARS_MINIMUM_COUNT) {
        labels.add(FunnelSignificance.NOT_APPLICABLE);
      } else {
        labels.add(poissonLabel(numerators[i], derived[i], average));
      }
    }
    return labels;
  }

  /** Rate significance when every denominator can be derived from the rate. */
  public static List<FunnelSignificance> rateSignificance(
      double[] numerators, double[] rates, RateType type, double multiplier) {
    return rateSignificanceOf(numerators, rates, null, type, multiplier);
  }

  /** θ0 + z sqrt(θ0(1 − θ0)/n): the normal-approximation limit shared with Spiegelhalter's. */
  static double normalLimit(double target, double n, double z) {
    return target + z * Math.sqrt(target * (1 - target) / n);
  }

  /** The 100-point axis grid for denominators in [min, max]; package-private for tests. */
  static double[] axis(double minDenominator, double maxDenominator, boolean ratio) {
    double axisMin = maxDenominator > 2 * minDenominator ? 0 : floorSignificant(minDenominator);
    return grid(axisMin, ceilingSignificant(maxDenominator), ratio);
  }

  private static double[] grid(double axisMin, double axisMax, boolean ratio) {
    double[] grid = new double[POINTS];
    grid[0] = Math.max(1, axisMin);
    for (int j = 2; j <= POINTS; j++) {
      int offset = ratio ? j - 1 : j;
      double previous = grid[j - 2];
      // Math.rint rounds half to even, as R's round()
      double next = Math.rint(Math.pow(axisMax / previous, 1.0 / (101 - offset)) * previous);
      grid[j - 1] = Math.max(next, previous + 1);
    }
    return grid;
  }

  /** 95% of x rounded down to one significant figure (R signif.floor in Funnels.R). */
  static double floorSignificant(double x) {
    if (x == 0) {
      return 0;
    }
    double scaled = x * 0.95;
    double power = Math.pow(10, digits(Math.floor(scaled)) - 1);
    return Math.floor(scaled / power) * power;
  }

  /** 105% of x rounded up to two significant figures (R signif.ceiling in Funnels.R). */
  static double ceilingSignificant(double x) {
    if (x == 0) {
      return 0;
    }
    double scaled = x * 1.05;
    double power = Math.pow(10, digits(Math.ceil(scaled)) - 2);
    return Math.ceil(scaled / power) * power;
  }

  /** Characters of a non-negative whole number as R's nchar() prints it (no exponent form). */
  private static int digits(double wholeNumber) {
    return Long.toString((long) wholeNumber).length();
  }

  private static FunnelSignificance poissonLabel(
      double observed, double denominator, double target) {
    Interval c998 = PoissonLimits.phe(observed, ConfidenceLevels.LEVEL_99_8);
    Interval c95 = PoissonLimits.phe(observed, ConfidenceLevels.LEVEL_95);
    // NaN (a left-out unit or an undefined Byars limit) fails every comparison, as NA does in R
    if (target < c998.lower() / denominator) {
      return FunnelSignificance.HIGH_0_001;
    } else if (target < c95.lower() / denominator) {
      return FunnelSignificance.HIGH_0_025;
    } else if (target > c998.upper() / denominator) {
      return FunnelSignificance.LOW_0_001;
    } else if (target > c95.upper() / denominator) {
      return FunnelSignificance.LOW_0_025;
    }
    return FunnelSignificance.NOT_SIGNIFICANT;
  }

  private static double[] derivedDenominators(
      double[] numerators,
      double[] rates,
      double[] denominators,
      RateType type,
      double multiplier) {
    checkLengths(numerators, rates, "rates");
    if (denominators != null) {
      checkLengths(numerators, denominators, "denominators");
    }
    double[] derived = new double[numerators.length];
    for (int i = 0; i < numerators.length; i++) {
      double o = checkCount("numerator", numerators[i]);
      if (denominators != null) {
        checkDenominator("denominator", denominators[i]);
      }
      if (o > 0) {
        derived[i] = multiplier * o / checkDenominator("rate", rates[i]);
      } else if (type == RateType.DSR) {
        derived[i] = Double.NaN;
      } else if (denominators != null) {
        derived[i] = denominators[i];
      } else {
        throw new IllegalArgumentException(
            "Cannot derive a crude-rate denominator for a unit with 0 events: supply denominators");
      }
    }
    return derived;
  }

  private static double averageRate(double[] numerators, double[] derived) {
    double events = Arguments.positive("total events", sum(numerators));
    double denominator = 0;
    for (double d : derived) {
      if (!Double.isNaN(d)) {
        denominator += d;
      }
    }
    return events / denominator;
  }

  private static double ratio(double value, RatioType type) {
    return type == RatioType.COUNT ? value - 1 : value * 100;
  }

  private static String formatMultiplier(double multiplier) {
    return multiplier == Math.rint(multiplier) && multiplier < 1e15
        ? String.format(Locale.ROOT, "%,d", (long) multiplier)
        : Double.toString(multiplier);
  }

  private static void checkProportions(double[] numerators, double[] denominators) {
    checkLengths(numerators, denominators, "denominators");
    for (int i = 0; i < numerators.length; i++) {
      checkDenominator("denominator", denominators[i]);
      Arguments.countWithin("numerator", numerators[i], "denominator", denominators[i]);
    }
  }

  private static void checkLengths(double[] first, double[] second, String secondName) {
    Arguments.atLeast("units", first.length, 1);
    if (second.length != first.length) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s must have one value per unit (%d): %d",
              secondName,
              first.length,
              second.length));
    }
  }

  private static double checkCount(String name, double value) {
    return Arguments.finite(name, Arguments.nonNegative(name, value));
  }

  private static double checkDenominator(String name, double value) {
    return Arguments.finite(name, Arguments.positive(name, value));
  }

  private static void checkMultiplier(double multiplier) {
    Arguments.finite("multiplier", Arguments.positive("multiplier", multiplier));
  }

  private static double sum(double[] values) {
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    return sum;
  }

  private static double min(double[] values) {
    double min = Double.POSITIVE_INFINITY;
    for (double value : values) {
      min = Math.min(min, value);
    }
    return min;
  }

  private static double max(double[] values) {
    double max = Double.NEGATIVE_INFINITY;
    for (double value : values) {
      max = Math.max(max, value);
    }
    return max;
  }
}
