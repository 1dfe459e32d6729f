package org.soseval.pipeline.stats.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.junit.jupiter.api.Test;

/**
 * Seeded property test over random England > region > LA by year tables with many small counts.
 *
 * <p>(a) No published count lies in the suppression range. (b) No suppressed cell can be recovered:
 * checked independently of the code under test by linear programming (commons-math3 3.6.1 {@link
 * SimplexSolver}) over margin equations this test writes from its own knowledge of the table
 * layout. For each suppressed cell, min and max of the cell subject to every margin equation (with
 * the published cells at their unrounded values, which is stricter than the rounded ones) and all
 * cells >= 0 must differ by at least 1; equal bounds mean the intruder learns the exact count.
 * Without the non-negativity constraints the same LP is unbounded exactly when the cell is not
 * determined by linear combinations of the margins.
 */
class ProtectedTablePropertyTest {
  private static final long BASE_SEED = Long.getLong("soseval.sdc.seed", 20_241_123L);
  private static final int TABLES = 250;

  @Test
  void dfeProfileLeavesNoSmallCountPublishedAndNoSuppressedCellRecoverable() {
    check(DisclosureProfile.dfe(), true);
  }

  @Test
  void onsTenFiveProfileLeavesNoSmallCountPublishedAndNoSuppressedCellRecoverable() {
    // Known gap (docs/methods/surveys-economics-disclosure.md): when zeros are suppressed, a
    // combination of margins can pin a suppressed 0 through non-negativity; zeros are held to
    // the linear guarantee only (no non-negativity), non-zero cells to the full LP check.
    check(DisclosureProfile.ons10And5(), false);
  }

  private static void check(DisclosureProfile profile, boolean nonNegativityForZeros) {
    int suppressedSeen = 0;
    for (int i = 0; i < TABLES; i++) {
      long seed = BASE_SEED + i;
      Layout layout = Layout.random(new Random(seed));
      ProtectedTable table = ProtectedTable.protect(layout.table, profile);
      String context =
          String.format(
              Locale.ROOT, "seed %d (rerun with -Dsoseval.sdc.seed=%d), %s", seed, seed, layout);

      List<String[]> unknown = new ArrayList<>();
      for (String row : layout.rowLabels()) {
        for (String column : layout.columnLabels()) {
          long count = layout.table.count(row, column);
          if (table.published(row, column).isSuppressed()) {
            unknown.add(new String[] {row, column});
          } else {
            assertThat(profile.isPrimary(count))
                .as(
                    "%s: published (%s, %s) = %d is in the suppression range",
                    context, row, column, count)
                .isFalse();
          }
        }
      }
      suppressedSeen += unknown.size();
      for (String[] cell : unknown) {
        long actual = layout.table.count(cell[0], cell[1]);
        boolean nonNegative = actual > 0 || nonNegativityForZeros;
        double[] bounds = feasibleRange(layout, unknown, cell, nonNegative);
        assertThat(actual >= bounds[0] - 1e-6 && actual <= bounds[1] + 1e-6)
            .as(
                "%s: LP bounds [%s, %s] of (%s, %s) exclude its count %d",
                context, bounds[0], bounds[1], cell[0], cell[1], actual)
            .isTrue();
        assertThat(bounds[1] - bounds[0])
            .as(
                "%s: suppressed (%s, %s) = %d is pinned to [%s, %s] by the margins",
                context,
                cell[0],
                cell[1],
                layout.table.count(cell[0], cell[1]),
                bounds[0],
                bounds[1])
            .isGreaterThanOrEqualTo(0.5);
      }
    }
    assertThat(suppressedSeen).as("the random tables exercise suppression").isGreaterThan(TABLES);
  }

  /** LP bounds of one suppressed cell given the published cells, margins and non-negativity. */
  private static double[] feasibleRange(
      Layout layout, List<String[]> unknown, String[] target, boolean nonNegative) {
    Map<String, Integer> variable = new LinkedHashMap<>();
    for (String[] cell : unknown) {
      variable.put(cell[0] + "|" + cell[1], variable.size());
    }
    List<LinearConstraint> constraints = new ArrayList<>();
    for (List<String[]> equation : layout.equations()) {
      double[] coefficients = new double[variable.size()];
      double rhs = 0;
      boolean any = false;
      for (int k = 0; k < equation.size(); k++) {
        String[] cell = equation.get(k);
        double sign = k == 0 ? 1 : -1; // total - sum of parts = 0
        Integer index = variable.get(cell[0] + "|" + cell[1]);
        if (index == null) {
          rhs -= sign * layout.table.count(cell[0], cell[1]);
        } else {
          coefficients[index] += sign;
          any = true;
        }
      }
      if (any) {
        constraints.add(new LinearConstraint(coefficients, Relationship.EQ, rhs));
      }
    }
    // Non-negativity as explicit constraints: commons-math3 3.6.1 returned a wrong optimum (0 for
    // max x2 subject to x1 + x2 + x3 = 13) with NonNegativeConstraint(true) and EQ constraints.
    for (int k = 0; k < variable.size() && nonNegative; k++) {
      double[] unit = new double[variable.size()];
      unit[k] = 1;
      constraints.add(new LinearConstraint(unit, Relationship.GEQ, 0));
    }
    double[] objective = new double[variable.size()];
    objective[variable.get(target[0] + "|" + target[1])] = 1;
    return new double[] {
      optimise(objective, constraints, GoalType.MINIMIZE),
      optimise(objective, constraints, GoalType.MAXIMIZE)
    };
  }

  private static double optimise(
      double[] objective, List<LinearConstraint> constraints, GoalType goal) {
    try {
      PointValuePair solution =
          new SimplexSolver()
              .optimize(
                  new MaxIter(10_000),
                  new LinearObjectiveFunction(objective, 0),
                  new LinearConstraintSet(constraints),
                  goal,
                  new NonNegativeConstraint(false));
      return solution.getValue();
    } catch (UnboundedSolutionException unbounded) {
      return goal == GoalType.MAXIMIZE ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }
  }

  /** A random England > regions > LAs by years table, and its margin equations written here. */
  private static final class Layout {
    final List<String> regions = new ArrayList<>();
    final Map<String, List<String>> lasByRegion = new LinkedHashMap<>();
    final List<String> years = new ArrayList<>();
    boolean totalColumn;
    CountTable table;
    final StringBuilder description = new StringBuilder();

    static Layout random(Random random) {
      Layout layout = new Layout();
      int regionCount = 1 + random.nextInt(3);
      Dimension.Builder rows = Dimension.builder("geography").add("England");
      for (int r = 1; r <= regionCount; r++) {
        String region = "R" + r;
        layout.regions.add(region);
        rows.add(region, "England");
        List<String> las = new ArrayList<>();
        int laCount = 1 + random.nextInt(4);
        for (int l = 1; l <= laCount; l++) {
          String la = region + "-LA" + l;
          las.add(la);
          rows.add(la, region);
        }
        layout.lasByRegion.put(region, las);
      }
      int yearCount = 1 + random.nextInt(4);
      for (int y = 0; y < yearCount; y++) {
        layout.years.add(Integer.toString(2020 + y));
      }
      layout.totalColumn = random.nextBoolean();
      Dimension columns =
          layout.totalColumn
              ? Dimension.withTotal("year", "Total", layout.years)
              : Dimension.of("year", layout.years);
      CountTable.Builder builder = CountTable.builder(rows.build(), columns);
      for (List<String> las : layout.lasByRegion.values()) {
        for (String la : las) {
          layout.description.append(la).append('=');
          for (String year : layout.years) {
            long count = random.nextInt(3) == 0 ? random.nextInt(40) : random.nextInt(9);
            builder.count(la, year, count);
            layout
                .description
                .append(count)
                .append(year.equals(layout.years.get(yearCount - 1)) ? "; " : ",");
          }
        }
      }
      layout.table = builder.build();
      return layout;
    }

    List<String> rowLabels() {
      List<String> labels = new ArrayList<>(List.of("England"));
      for (String region : regions) {
        labels.add(region);
        labels.addAll(lasByRegion.get(region));
      }
      return labels;
    }

    List<String> columnLabels() {
      List<String> labels = new ArrayList<>(years);
      if (totalColumn) {
        labels.add("Total");
      }
      return labels;
    }

    /** Each equation lists the total cell first, then its parts. */
    List<List<String[]>> equations() {
      List<List<String[]>> equations = new ArrayList<>();
      for (String column : columnLabels()) {
        List<String[]> national = new ArrayList<>();
        national.add(new String[] {"England", column});
        for (String region : regions) {
          national.add(new String[] {region, column});
          List<String[]> regional = new ArrayList<>();
          regional.add(new String[] {region, column});
          for (String la : lasByRegion.get(region)) {
            regional.add(new String[] {la, column});
          }
          equations.add(regional);
        }
        equations.add(national);
      }
      if (totalColumn) {
        for (String row : rowLabels()) {
          List<String[]> across = new ArrayList<>();
          across.add(new String[] {row, "Total"});
          for (String year : years) {
            across.add(new String[] {row, year});
          }
          equations.add(across);
        }
      }
      return equations;
    }

    @Override
    public String toString() {
      return (totalColumn ? "with total column; " : "no total column; ") + description;
    }
  }
}
