package org.soseval.pipeline.stats.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.soseval.pipeline.stats.Arguments;

/**
 * Interrupted time series by segmented regression (methods.md 5.2; Wagner et al. 2002, J Clin Pharm
 * Ther 27:299-309):
 *
 * <pre>
 *   Y_t = beta0 + beta1 t + beta2 D_t + beta3 tsince_t + e_t,   t = 1..N
 *   D_t = [t >= T0],  tsince_t = t - (T0 - 1) for t >= T0, else 0   (tsince = 1 at T0)
 * </pre>
 *
 * i.e. R {@code lm(y ~ t + D + tsince)}. With this convention {@code beta2} is the jump between the
 * pre-period line extended to T0 and the post-period line at T0 minus {@code beta3}; the
 * convention-free effect at {@code t >= T0} is {@code beta2 + beta3 tsince_t}, reported for every
 * post time.
 *
 * <p>Standard errors: conventional OLS and Newey-West HAC with Bartlett kernel and a fixed lag, as
 * R 4.2.2 sandwich 3.0-2 {@code NeweyWest(m, lag = L, prewhite = FALSE, adjust = TRUE)} (the
 * default here; equal to Stata {@code newey y t D tsince, lag(L)}) or {@code adjust = FALSE} (equal
 * to statsmodels 0.13.5 {@code cov_type="HAC", cov_kwds={"maxlags": L}}). Tests and intervals use
 * Student t on {@code N - 4} df (R {@code coeftest}, Stata {@code newey}). The default lag is the
 * Newey-West (1994) rule of thumb {@code L = floor(4 (N/100)^(2/9))} (2 for N = 24). The
 * Durbin-Watson statistic is that of the OLS residuals.
 *
 * <p>The series must be complete and equally spaced; a missing point is an error, not dropped,
 * because the HAC weights assume consecutive points.
 */
public final class InterruptedTimeSeries {
  private static final List<String> NAMES = List.of("(Intercept)", "t", "D", "tsince");

  private InterruptedTimeSeries() {}

  /** The default Newey-West lag {@code floor(4 (n/100)^(2/9))}. */
  public static int defaultLag(int n) {
    return (int) Math.floor(4 * Math.pow(n / 100.0, 2.0 / 9.0));
  }

  /**
   * Fit with the default lag and the {@code N/(N-K)} adjustment; see {@link #fit(double[], int,
   * int, boolean, double...)}.
   */
  public static InterruptedTimeSeriesResult fit(double[] y, int interruption, double... levels) {
    return fit(y, interruption, defaultLag(y.length), true, levels);
  }

  /**
   * Fits the segmented regression.
   *
   * @param y the series in time order, {@code y[0]} at {@code t = 1}
   * @param interruption T0, the 1-based time of the first post point
   * @param lag the Newey-West lag, {@code 0 <= lag < N}
   * @param adjust whether to apply the {@code N/(N-4)} small-sample factor to the HAC covariance
   * @throws IllegalArgumentException if a value is not finite, there are fewer than 2 points before
   *     or after T0, or fewer than 5 points in all
   */
  public static InterruptedTimeSeriesResult fit(
      double[] y, int interruption, int lag, boolean adjust, double... levels) {
    double[] checked = Arguments.levels(levels);
    Arguments.allFinite("y", y);
    int n = y.length;
    Arguments.atLeast("y", n, 5);
    if (interruption < 3 || interruption > n - 1) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "interruption must be in [3, %d] (at least 2 points before and after): %d",
              n - 1,
              interruption));
    }
    int[] times = new int[n];
    for (int i = 0; i < n; i++) {
      times[i] = i + 1;
    }
    return fitAt(times, y, interruption, lag, adjust, checked);
  }

  /**
   * Fits the segmented regression to a series observed at the integer times {@code times} (strictly
   * increasing; a gap, such as an excluded implementation year, keeps its place on the time axis,
   * so the trend is not compressed). The time column is {@code t - times[0] + 1} (1 at the first
   * point, as in {@link #fit(double[], int, int, boolean, double...)}), so calendar years give the
   * same slope, level change and effects as {@code lm} on the years themselves, with the intercept
   * at {@code times[0] - 1}. D and tsince are defined from the interruption time T0 as above. The
   * Newey-West weights treat the observations as consecutive, an approximation when the series has
   * a gap.
   *
   * @param interruption T0, the time of the first post point (one of {@code times})
   * @throws IllegalArgumentException if the times are not strictly increasing or do not match
   *     {@code y}, a value is not finite, T0 is not one of the times, or fewer than 2 points lie on
   *     either side of T0 or fewer than 5 in all
   */
  public static InterruptedTimeSeriesResult fitAt(
      int[] times, double[] y, int interruption, int lag, boolean adjust, double... levels) {
    double[] checked = Arguments.levels(levels);
    Arguments.allFinite("y", y);
    int n = y.length;
    Arguments.atLeast("y", n, 5);
    if (times.length != n) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "times must match y in length %d: %d", n, times.length));
    }
    int before = 0;
    int after = 0;
    for (int i = 0; i < n; i++) {
      if (i > 0 && times[i] <= times[i - 1]) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "times must increase: times[%d] = %d after %d",
                i,
                times[i],
                times[i - 1]));
      }
      if (times[i] < interruption) {
        before++;
      } else {
        after++;
      }
    }
    if (before < 2 || after < 2) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "interruption must leave at least 2 points before and after: %d (%d before, %d"
                  + " after)",
              interruption,
              before,
              after));
    }
    // the time column counts from 1 at the first point: calendar years (2013, ...) would make X'X
    // ill-conditioned and cost the Newey-West errors about 8 of their 16 digits
    double[][] x = new double[n][];
    for (int i = 0; i < n; i++) {
      int t = times[i];
      boolean post = t >= interruption;
      x[i] = new double[] {1, t - times[0] + 1, post ? 1 : 0, post ? t - (interruption - 1) : 0};
    }
    LinearModel model = LinearModel.fit(NAMES, x, y);
    double[][] conventional = model.conventionalCovariance();
    double[][] hac = model.neweyWestCovariance(lag, adjust);
    int df = model.residualDf();
    List<Coefficient> ols = new ArrayList<>();
    List<Coefficient> nw = new ArrayList<>();
    for (int j = 0; j < NAMES.size(); j++) {
      ols.add(model.coefficient(j, conventional, df, CovarianceType.CONVENTIONAL, checked));
      nw.add(model.coefficient(j, hac, df, CovarianceType.NEWEY_WEST, checked));
    }
    double[] b = model.coefficients();
    List<Coefficient> effects = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int t = times[i];
      if (t < interruption) {
        continue;
      }
      double s = t - (interruption - 1.0);
      double variance = hac[2][2] + 2 * s * hac[2][3] + s * s * hac[3][3];
      effects.add(
          Coefficient.of(
              "effect@" + t,
              b[2] + s * b[3],
              Math.sqrt(variance),
              df,
              CovarianceType.NEWEY_WEST,
              checked));
    }
    return new InterruptedTimeSeriesResult(
        interruption, ols, nw, effects, model.durbinWatson(), lag, adjust, n);
  }
}
