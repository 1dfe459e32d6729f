package org.soseval.pipeline.emmie;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Statistics across pilots for the Mechanisms and Moderators dimensions: a correlation with a
 * Fisher z interval, a fixed-effect subgroup (Q-between) test and a fixed-effect meta-regression on
 * one covariate, all on the per-pilot DiD estimates and their variances.
 */
final class AcrossPilots {
  private static final double Z95 = 1.959963984540054;

  private AcrossPilots() {}

  /** Pearson r, its Fisher-z 95% interval and t-test p-value (R {@code cor.test}). */
  record Correlation(double r, double lower, double upper, double pValue, int n) {}

  static Correlation correlation(double[] x, double[] y) {
    int n = x.length;
    if (n < 4 || y.length != n) {
      throw new IllegalArgumentException("a correlation interval needs at least 4 pairs: " + n);
    }
    double mx = mean(x);
    double my = mean(y);
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    double r = sxy / Math.sqrt(sxx * syy);
    double z = 0.5 * Math.log((1 + r) / (1 - r));
    double half = Z95 / Math.sqrt(n - 3.0);
    double t = r * Math.sqrt((n - 2) / (1 - r * r));
    double p = 2 * TDistribution.of(n - 2).survivalProbability(Math.abs(t));
    return new Correlation(r, Math.tanh(z - half), Math.tanh(z + half), p, n);
  }

  /** A fixed-effect subgroup analysis: pooled estimate per group and the Q-between test. */
  record Subgroups(Map<String, double[]> byGroup, double qBetween, int df, double pValue, int k) {}

  /**
   * Q-between = Q(all, about the fixed-effect mean) - sum of Q within each group; chi-square on
   * (groups - 1) df. Equals metafor {@code rma(yi, vi, mods = ~ factor(g), method = "FE")$QM}.
   * {@code byGroup} maps each group to {estimate, standard error, pilots}.
   */
  static Subgroups subgroups(List<String> groups, double[] estimates, double[] variances) {
    Map<String, List<Integer>> members = new LinkedHashMap<>();
    for (int i = 0; i < groups.size(); i++) {
      members.computeIfAbsent(groups.get(i), key -> new ArrayList<>()).add(i);
    }
    double qTotal = q(indexes(estimates.length), estimates, variances);
    double qWithin = 0;
    Map<String, double[]> byGroup = new LinkedHashMap<>();
    for (Map.Entry<String, List<Integer>> group : members.entrySet()) {
      qWithin += q(group.getValue(), estimates, variances);
      double[] pooled = fixed(group.getValue(), estimates, variances);
      byGroup.put(group.getKey(), new double[] {pooled[0], pooled[1], group.getValue().size()});
    }
    double between = Math.max(0, qTotal - qWithin);
    int df = members.size() - 1;
    double p = ChiSquaredDistribution.of(df).survivalProbability(between);
    return new Subgroups(byGroup, between, df, p, estimates.length);
  }

  /**
   * Fixed-effect meta-regression slope: {estimate, se, lower, upper, p} (metafor FE, mods = ~x).
   */
  static double[] metaRegression(double[] x, double[] estimates, double[] variances) {
    double sw = 0;
    double swx = 0;
    double swy = 0;
    for (int i = 0; i < x.length; i++) {
      double w = 1 / variances[i];
      sw += w;
      swx += w * x[i];
      swy += w * estimates[i];
    }
    double mx = swx / sw;
    double my = swy / sw;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < x.length; i++) {
      double w = 1 / variances[i];
      sxx += w * (x[i] - mx) * (x[i] - mx);
      sxy += w * (x[i] - mx) * (estimates[i] - my);
    }
    double slope = sxy / sxx;
    double se = Math.sqrt(1 / sxx);
    double p = 2 * NormalDistribution.of(0, 1).survivalProbability(Math.abs(slope / se));
    return new double[] {slope, se, slope - Z95 * se, slope + Z95 * se, p};
  }

  private static List<Integer> indexes(int n) {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      all.add(i);
    }
    return all;
  }

  private static double[] fixed(List<Integer> members, double[] estimates, double[] variances) {
    double sw = 0;
    double swy = 0;
    for (int i : members) {
      sw += 1 / variances[i];
      swy += estimates[i] / variances[i];
    }
    return new double[] {swy / sw, Math.sqrt(1 / sw)};
  }

  private static double q(List<Integer> members, double[] estimates, double[] variances) {
    double mean = fixed(members, estimates, variances)[0];
    double q = 0;
    for (int i : members) {
      q += (estimates[i] - mean) * (estimates[i] - mean) / variances[i];
    }
    return q;
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    return sum / values.length;
  }
}
