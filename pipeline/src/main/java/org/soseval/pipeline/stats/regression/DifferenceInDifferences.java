package org.soseval.pipeline.stats.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.soseval.pipeline.stats.Arguments;

/**
 * Difference-in-differences by two-way fixed-effects OLS (methods.md 5.1; product.md "Effects"):
 *
 * <pre>
 *   y_it = a + delta D_it + sum_u alpha_u [i = u] + sum_s lambda_s [t = s] + e_it
 * </pre>
 *
 * unweighted, with unit and period dummies in treatment coding (first unit and first period in sort
 * order omitted), i.e. R {@code lm(y ~ D + factor(unit) + factor(period))}. Rows with a missing
 * (NaN) outcome are dropped; a unit stays in the fit even if it lacks pre- or post-period rows.
 * With one adoption period and a balanced panel, {@code delta} equals the difference of the treated
 * and control pre-post mean changes.
 *
 * <p>Inference conventions:
 *
 * <ul>
 *   <li>conventional OLS SE with Student t on {@code N - K} df (R {@code summary.lm}, {@code
 *       confint});
 *   <li>CR1 SE clustered by unit, {@code G/(G-1) (N-1)/(N-K)} with K counting every dummy (R
 *       sandwich 3.0-2 {@code vcovCL(m, cluster = ~unit, type = "HC1")}; statsmodels 0.13.5 {@code
 *       cov_type="cluster"}), with Student t on {@code G - 1} df (Stata {@code vce(cluster unit)};
 *       Cameron and Miller 2015; in R {@code coeftest(m, vcov. = V, df = G - 1)});
 *   <li>optionally a wild-cluster restricted bootstrap p-value ({@link WildClusterBootstrap}).
 * </ul>
 */
public final class DifferenceInDifferences {
  /** The design column of the treatment indicator. */
  public static final String TREATMENT = "D";

  private DifferenceInDifferences() {}

  /**
   * Pooled TWFE DiD over all units, without a bootstrap.
   *
   * @param levels confidence levels (default 0.95 when none are given)
   * @throws IllegalArgumentException if there is no treated or no control unit, fewer than 2 units
   *     (clusters), the design is singular (e.g. D is collinear with the fixed effects), or there
   *     are no residual degrees of freedom
   */
  public static PooledDid pooled(Panel panel, double... levels) {
    return pooled(panel, Optional.empty(), levels);
  }

  /** Pooled TWFE DiD with a wild-cluster bootstrap test of {@code D = 0}; as {@link #pooled}. */
  public static PooledDid pooled(Panel panel, WildClusterBootstrap bootstrap, double... levels) {
    return pooled(panel, Optional.of(bootstrap), levels);
  }

  private static PooledDid pooled(
      Panel panel, Optional<WildClusterBootstrap> bootstrap, double... levels) {
    double[] checked = Arguments.levels(levels);
    requireTreatedAndControls(panel.treatedUnits(), panel.controlUnits());
    TwoWayDesign design = TwoWayDesign.of(panel.observedRows(), List.of(treatmentRegressor()));
    LinearModel model = design.fit();
    int column = model.indexOf(TREATMENT);
    double[][] clustered = model.clusterCovariance(design.clusters);
    Coefficient conventional =
        model.coefficient(
            column,
            model.conventionalCovariance(),
            model.residualDf(),
            CovarianceType.CONVENTIONAL,
            checked);
    Coefficient robust =
        model.coefficient(column, clustered, design.nUnits - 1, CovarianceType.CR1, checked);
    Optional<BootstrapResult> test = bootstrap.map(b -> b.test(model, design.clusters, column));
    return new PooledDid(
        conventional,
        robust,
        test,
        design.nUnits,
        panel.treatedUnits().size(),
        model.nObs(),
        model.nCoefficients());
  }

  /**
   * DiD for one treated unit against every control unit (units never treated; other treated units
   * are left out), with the conventional OLS SE and a placebo-in-space p-value.
   *
   * <p>Placebo: each control {@code c} in turn is given the treated unit's timing (D = 1 from the
   * treated unit's first treated period; its rows in periods strictly between the treated unit's
   * last untreated and first treated periods, such as an excluded implementation year, are dropped)
   * and the model is refitted on the controls alone. The p-value {@code (1 + #{c : |b_c| >= |b|}) /
   * (1 + C)} is the rank of the real estimate among all C + 1 (Abadie, Diamond and Hainmueller
   * 2010, JASA 105:493-505, in-space placebos). A control without rows on both sides of the pretend
   * adoption (an LA created during the period, or one with every later value suppressed) has no
   * placebo estimate and is left out of C: its D is collinear with its own fixed effect, so there
   * is no difference in differences (R {@code lm} would keep D and drop the unit dummy, reporting
   * the unit's level as the "estimate"). So is a control whose placebo design is singular
   * otherwise. With no placebo estimate (e.g. fewer than 2 controls) the p-value is NaN.
   *
   * @throws IllegalArgumentException if {@code unit} is not a treated unit of the panel, its
   *     treatment is not absorbing, there is no control unit, or the design is singular
   */
  public static PerUnitDid perUnit(Panel panel, String unit, double... levels) {
    double[] checked = Arguments.levels(levels);
    List<String> controls = panel.controlUnits();
    if (!panel.treatedUnits().contains(unit)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "unit must be a treated unit with observed outcomes %s: %s",
              panel.treatedUnits(),
              unit));
    }
    requireTreatedAndControls(List.of(unit), controls);
    int adoption = panel.adoptionPeriods().get(unit);
    int lastUntreated = Integer.MIN_VALUE;
    for (PanelRow row : panel.rows()) {
      if (row.unit().equals(unit) && row.period() < adoption) {
        lastUntreated = Math.max(lastUntreated, row.period());
      }
    }
    Set<String> included = new TreeSet<>(controls);
    included.add(unit);
    List<PanelRow> rows = new ArrayList<>();
    for (PanelRow row : panel.observedRows()) {
      if (included.contains(row.unit())) {
        rows.add(row);
      }
    }
    TwoWayDesign design = TwoWayDesign.of(rows, List.of(treatmentRegressor()));
    LinearModel model = design.fit();
    int column = model.indexOf(TREATMENT);
    Coefficient conventional =
        model.coefficient(
            column,
            model.conventionalCovariance(),
            model.residualDf(),
            CovarianceType.CONVENTIONAL,
            checked);
    List<String> pretenders = new ArrayList<>();
    List<Double> placebos = new ArrayList<>();
    if (controls.size() >= 2) {
      for (String pretend : controls) {
        placeboEstimate(panel, controls, pretend, adoption, lastUntreated)
            .ifPresent(
                placebo -> {
                  pretenders.add(pretend);
                  placebos.add(placebo);
                });
      }
    }
    double pValue = Double.NaN;
    if (!placebos.isEmpty()) {
      long atLeastAsLarge =
          placebos.stream()
              .filter(placebo -> Math.abs(placebo) >= Math.abs(conventional.estimate()))
              .count();
      pValue = (1.0 + atLeastAsLarge) / (1.0 + placebos.size());
    }
    return new PerUnitDid(
        unit,
        conventional,
        pValue,
        pretenders,
        placebos,
        design.nUnits,
        model.nObs(),
        model.nCoefficients());
  }

  /** The placebo estimate with {@code pretend} as the treated unit; empty if not identified. */
  private static Optional<Double> placeboEstimate(
      Panel panel, List<String> controls, String pretend, int adoption, int lastUntreated) {
    List<PanelRow> rows = new ArrayList<>();
    boolean before = false;
    boolean after = false;
    for (PanelRow row : panel.observedRows()) {
      if (!controls.contains(row.unit())) {
        continue;
      }
      boolean isPretend = row.unit().equals(pretend);
      if (isPretend && row.period() > lastUntreated && row.period() < adoption) {
        continue;
      }
      boolean treated = isPretend && row.period() >= adoption;
      before |= isPretend && !treated;
      after |= treated;
      rows.add(PanelRow.of(row.unit(), row.period(), row.outcome(), treated));
    }
    if (!before || !after) {
      return Optional.empty();
    }
    try {
      LinearModel model = TwoWayDesign.of(rows, List.of(treatmentRegressor())).fit();
      return Optional.of(model.coefficients()[model.indexOf(TREATMENT)]);
    } catch (IllegalArgumentException singular) {
      return Optional.empty();
    }
  }

  static void requireTreatedAndControls(List<String> treated, List<String> controls) {
    if (treated.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot fit difference-in-differences: no treated units with observed outcomes");
    }
    if (controls.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot fit difference-in-differences: no control units with observed outcomes");
    }
  }

  private static TwoWayDesign.Regressor treatmentRegressor() {
    return new TwoWayDesign.Regressor(TREATMENT, row -> row.treated() ? 1 : 0);
  }
}
