package org.soseval.pipeline.stats.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reference values: golden/stats/did_panel.R (R 4.2.2, sandwich 3.0-2), section named per test. */
class DifferenceInDifferencesTest {
  private static final double TOLERANCE = 1e-9;

  @Test
  void pooledEstimateAndStandardErrorsMatchLmAndVcovCl() {
    PooledDid did = DifferenceInDifferences.pooled(GoldenPanel.panel(), 0.95);

    // R 4.2.2: m <- lm(y ~ D + factor(unit) + factor(period), data = d); coef(m)["D"]
    assertThat(did.estimate()).isCloseTo(-3.57833293810766, within(TOLERANCE));
    // R 4.2.2: summary(m)$coefficients["D", "Std. Error"]
    assertThat(did.conventional().standardError()).isCloseTo(0.677169207145229, within(TOLERANCE));
    // R 4.2.2: confint(m)["D", ]
    assertThat(did.conventional().interval(0.95).lower())
        .isCloseTo(-4.92732317428566, within(TOLERANCE));
    assertThat(did.conventional().interval(0.95).upper())
        .isCloseTo(-2.22934270192965, within(TOLERANCE));
    // R 4.2.2, sandwich 3.0-2: sqrt(vcovCL(m, cluster = ~unit, type = "HC1")["D", "D"]);
    // statsmodels 0.13.5 (did_statsmodels.py): ols(...).fit(cov_type="cluster").bse["D"]
    //   = 0.5599464283163248
    assertThat(did.clusterRobust().standardError()).isCloseTo(0.559946428316318, within(TOLERANCE));
    // R 4.2.2: 2 * pt(-abs(b / se_cr1), G - 1); b + c(-1, 1) * qt(0.975, G - 1) * se_cr1
    assertThat(did.clusterRobust().pValue()).isCloseTo(5.147795126602e-05, within(1e-15));
    assertThat(did.clusterRobust().degreesOfFreedom()).isEqualTo(11);
    assertThat(did.clusterRobust().interval(0.95).lower())
        .isCloseTo(-4.81076671727819, within(TOLERANCE));
    assertThat(did.clusterRobust().interval(0.95).upper())
        .isCloseTo(-2.34589915893712, within(TOLERANCE));
    // R 4.2.2: N K G = 95 20 12 (one missing outcome dropped)
    assertThat(did.nObs()).isEqualTo(95);
    assertThat(did.nCoefficients()).isEqualTo(20);
    assertThat(did.nUnits()).isEqualTo(12);
    assertThat(did.nTreatedUnits()).isEqualTo(3);
    assertThat(did.wildBootstrap()).isEmpty();
    assertThat(did.method()).isEqualTo("did_twfe");
  }

  @Test
  void rowOrderDoesNotChangeTheFit() {
    List<PanelRow> rows = new ArrayList<>(GoldenPanel.rows());
    Collections.reverse(rows);

    PooledDid did = DifferenceInDifferences.pooled(Panel.of(rows));

    // R 4.2.2: coef(m)["D"] and the CR1 SE, as above
    assertThat(did.estimate()).isCloseTo(-3.57833293810766, within(TOLERANCE));
    assertThat(did.clusterRobust().standardError()).isCloseTo(0.559946428316318, within(TOLERANCE));
  }

  @Test
  void balancedTwoByTwoEqualsTheDifferenceOfDifferences() {
    // U01..U08 at periods 4 and 5; U01..U04 treated at period 5
    List<PanelRow> rows = new ArrayList<>();
    double treatedChange = 0;
    double controlChange = 0;
    for (int u = 1; u <= 8; u++) {
      double before = GoldenPanel.outcome(u, 4);
      double after = GoldenPanel.outcome(u, 5);
      rows.add(PanelRow.of(GoldenPanel.unit(u), 4, before, false));
      rows.add(PanelRow.of(GoldenPanel.unit(u), 5, after, u <= 4));
      if (u <= 4) {
        treatedChange += (after - before) / 4;
      } else {
        controlChange += (after - before) / 4;
      }
    }

    PooledDid did = DifferenceInDifferences.pooled(Panel.of(rows));

    assertThat(did.estimate()).isCloseTo(treatedChange - controlChange, within(1e-12));
    // R 4.2.2: coef(m2)["D"] = -2.425 for lm(y ~ D + factor(unit) + factor(period), data = d2)
    assertThat(did.estimate()).isCloseTo(-2.425, within(TOLERANCE));
    // R 4.2.2, sandwich 3.0-2: sqrt(vcovCL(m2, cluster = ~unit, type = "HC1")["D", "D"])
    assertThat(did.clusterRobust().standardError()).isCloseTo(2.57377918355757, within(TOLERANCE));
    // R 4.2.2: summary(m2)$coefficients["D", "Std. Error"]
    assertThat(did.conventional().standardError()).isCloseTo(1.75822590509108, within(TOLERANCE));
  }

  @Test
  void perUnitFitMatchesLmOnThePilotAndItsControls() {
    PerUnitDid did = DifferenceInDifferences.perUnit(GoldenPanel.panel(), "U02", 0.95);

    // R 4.2.2: mp <- lm(y ~ D + factor(unit) + factor(period), data = dp); coef(mp)["D"]
    assertThat(did.estimate()).isCloseTo(-3.05901943462901, within(TOLERANCE));
    // R 4.2.2: summary(mp)$coefficients["D", "Std. Error"]; confint(mp)["D", ]
    assertThat(did.conventional().standardError()).isCloseTo(0.984876200142064, within(TOLERANCE));
    assertThat(did.conventional().interval(0.95).lower())
        .isCloseTo(-5.02840111273328, within(TOLERANCE));
    assertThat(did.conventional().interval(0.95).upper())
        .isCloseTo(-1.08963775652475, within(TOLERANCE));
    // R 4.2.2: nrow(dp), length(coef(mp)) = 79 18
    assertThat(did.nObs()).isEqualTo(79);
    assertThat(did.nCoefficients()).isEqualTo(18);
    assertThat(did.nUnits()).isEqualTo(10);
    assertThat(did.method()).isEqualTo("did_pilot");
  }

  @Test
  void placeboInSpaceRanksThePilotAmongPretendPilots() {
    PerUnitDid did = DifferenceInDifferences.perUnit(GoldenPanel.panel(), "U02");

    // R 4.2.2: plac <- sapply(controls, ...) refitting lm with each control as pretend pilot
    double[] expected = {
      0.7710123042505987, -1.3177125279642026, -0.3254977628635395, 1.0460416666666623,
      -1.7828131991051528, 0.0634955257270648, -0.0689876957494456, 0.5370525727069315,
      1.2248378076062629
    };
    assertThat(did.placeboUnits())
        .containsExactly("U04", "U05", "U06", "U07", "U08", "U09", "U10", "U11", "U12");
    for (int i = 0; i < expected.length; i++) {
      assertThat(did.placeboEstimates().get(i)).isCloseTo(expected[i], within(TOLERANCE));
    }
    // R 4.2.2: (1 + sum(abs(plac) >= abs(bp))) / (1 + length(plac)) = 0.1
    assertThat(did.placeboPValue()).isCloseTo(0.1, within(1e-15));
  }

  @Test
  void placeboLeavesOutControlsWithoutRowsOnBothSidesOfTheAdoption() {
    // U05 exists from period 5 (an LA created later), U06 until period 4 (later values suppressed)
    List<PanelRow> rows = new ArrayList<>();
    for (PanelRow row : GoldenPanel.rows()) {
      boolean absent =
          row.unit().equals("U05") && row.period() <= 4
              || row.unit().equals("U06") && row.period() >= 5;
      if (!absent) {
        rows.add(row);
      }
    }

    PerUnitDid did = DifferenceInDifferences.perUnit(Panel.of(rows), "U02");

    // golden/stats/did_panel.R section 6, R 4.2.2: mp6 <- lm(y ~ D + factor(unit) +
    // factor(period), data = dp6); coef(mp6)["D"]; summary(mp6)$coefficients["D", "Std. Error"]
    assertThat(did.estimate()).isCloseTo(-3.28533974358971, within(TOLERANCE));
    assertThat(did.conventional().standardError()).isCloseTo(1.00822957378788, within(TOLERANCE));
    assertThat(did.nObs()).isEqualTo(71);
    // R 4.2.2: plac6 <- sapply(usable, ...) refitting lm with each usable control as pretend pilot
    double[] expected = {
      0.539794520547959,
      0.919107142857140,
      -2.113047945205487,
      -0.195154109589040,
      -0.332773972602744,
      0.296763698630137,
      1.011215753424657
    };
    assertThat(did.placeboUnits()).containsExactly("U04", "U07", "U08", "U09", "U10", "U11", "U12");
    for (int i = 0; i < expected.length; i++) {
      assertThat(did.placeboEstimates().get(i)).isCloseTo(expected[i], within(TOLERANCE));
    }
    // R 4.2.2: (1 + sum(abs(plac6) >= abs(bp6))) / (1 + length(plac6)) = 0.125
    assertThat(did.placeboPValue()).isCloseTo(0.125, within(1e-15));
  }

  @Test
  void placeboPValueIsNanWithASingleControl() {
    List<PanelRow> rows = new ArrayList<>();
    for (PanelRow row : GoldenPanel.rows()) {
      if (row.unit().equals("U01") || row.unit().equals("U04")) {
        rows.add(row);
      }
    }

    PerUnitDid did = DifferenceInDifferences.perUnit(Panel.of(rows), "U01");

    assertThat(did.placeboPValue()).isNaN();
    assertThat(did.placeboEstimates()).isEmpty();
    assertThat(did.conventional().standardError()).isPositive();
  }

  @Test
  void rejectsPanelWithoutControls() {
    List<PanelRow> rows = new ArrayList<>();
    for (PanelRow row : GoldenPanel.rows()) {
      if (GoldenPanel.ADOPTION.containsKey(row.unit())) {
        rows.add(row);
      }
    }

    assertThatThrownBy(() -> DifferenceInDifferences.pooled(Panel.of(rows)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot fit difference-in-differences: no control units with observed outcomes");
  }

  @Test
  void rejectsPanelWithoutTreatedUnits() {
    List<PanelRow> rows = new ArrayList<>();
    for (PanelRow row : GoldenPanel.rows()) {
      rows.add(PanelRow.of(row.unit(), row.period(), row.outcome(), false));
    }

    assertThatThrownBy(() -> DifferenceInDifferences.pooled(Panel.of(rows)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot fit difference-in-differences: no treated units with observed outcomes");
  }

  @Test
  void rejectsUnknownPilot() {
    assertThatThrownBy(() -> DifferenceInDifferences.perUnit(GoldenPanel.panel(), "U05"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unit must be a treated unit with observed outcomes [U01, U02, U03]: U05");
  }

  @Test
  void rejectsTreatmentCollinearWithFixedEffects() {
    // the only control is observed before period 5 only, so in periods 5..8 every observed unit
    // is treated and D equals the sum of the period-5..8 dummies
    List<PanelRow> rows = new ArrayList<>();
    for (int p = 1; p <= 4; p++) {
      rows.add(PanelRow.of("C", p, p, false));
    }
    for (int p = 1; p <= 8; p++) {
      rows.add(PanelRow.of("T1", p, 2 * p + 1, p >= 5));
      rows.add(PanelRow.of("T2", p, 3 * p - 1 + (p % 3), p >= 5));
    }

    assertThatThrownBy(() -> DifferenceInDifferences.pooled(Panel.of(rows)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot fit OLS: design column '");
  }

  @Test
  void rejectsSingleClusterForClusteredStandardErrors() {
    // one unit only in a plain regression: the CR1 check fires before any DiD logic
    double[][] x = {{1, 0}, {1, 1}, {1, 2}, {1, 3}};
    LinearModel model = LinearModel.fit(List.of("a", "b"), x, new double[] {1, 2, 2, 5});

    assertThatThrownBy(() -> model.clusterCovariance(new int[] {0, 0, 0, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("clusters must number at least 2 for a clustered SE: 1");
  }

  @Test
  void rejectsDuplicateAndInfiniteRows() {
    assertThatThrownBy(
            () ->
                Panel.of(List.of(PanelRow.of("A", 1, 1.0, false), PanelRow.of("A", 1, 2.0, false))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot build panel: duplicate row for unit A period 1");
    assertThatThrownBy(
            () -> Panel.of(List.of(PanelRow.of("A", 1, Double.POSITIVE_INFINITY, false))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("outcome must be finite or NaN (missing) for unit A period 1: Infinity");
  }

  @Test
  void rejectsInvalidLevel() {
    assertThatThrownBy(() -> DifferenceInDifferences.pooled(GoldenPanel.panel(), 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("level must be in (0, 1): 1");
  }

  @Test
  void missingOutcomesAreDroppedNotImputed() {
    Panel panel = GoldenPanel.panel();

    assertThat(panel.rows()).hasSize(96);
    assertThat(panel.observedRows()).hasSize(95);
    assertThat(panel.observedRows())
        .noneMatch(row -> row.unit().equals("U07") && row.period() == 3);
    assertThat(panel.treatedUnits()).containsExactly("U01", "U02", "U03");
    assertThat(panel.adoptionPeriods()).containsEntry("U01", 4).containsEntry("U03", 6);
  }
}
