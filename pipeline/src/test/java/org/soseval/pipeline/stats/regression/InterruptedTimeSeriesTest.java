package org.soseval.pipeline.stats.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reference values: golden/stats/its.R (R 4.2.2, sandwich 3.0-2, lmtest 0.9-40) and
 * golden/stats/its_statsmodels.py (statsmodels 0.13.5). Model {@code m <- lm(y ~ t + D + tsince)},
 * T0 = 13, tsince = t - 12 for t >= 13.
 */
class InterruptedTimeSeriesTest {
  private static final double TOLERANCE = 1e-9;
  private static final double[] Y = {
    20.54, 19.83, 20.63, 21.02, 21.61, 21.89, 21.32, 21.85, 22.65, 22.34, 22.95, 23.71, 20.85,
    22.45, 22.87, 21.44, 22.10, 21.67, 21.69, 22.76, 21.82, 22.56, 23.13, 22.02
  };

  @Test
  void coefficientsAndConventionalStandardErrorsMatchLm() {
    InterruptedTimeSeriesResult its = InterruptedTimeSeries.fit(Y, 13, 2, true);

    // R 4.2.2: coef(m); summary(m)$coefficients[, "Std. Error"]
    assertEstimates(
        its.conventional(),
        new double[] {
          19.803636363636368, 0.290979020979021, -1.652960372960370, -0.218531468531468
        },
        new double[] {
          0.3249234455400370, 0.0441484026288139, 0.4333145664146408, 0.0624352697547766
        });
    assertThat(its.conventional())
        .extracting(Coefficient::term)
        .containsExactly("(Intercept)", "t", "D", "tsince");
  }

  @Test
  void adjustedNeweyWestMatchesSandwichWithAdjustTrue() {
    InterruptedTimeSeriesResult its = InterruptedTimeSeries.fit(Y, 13, 2, true, 0.95);

    // R 4.2.2, sandwich 3.0-2: sqrt(diag(NeweyWest(m, lag = 2, prewhite = FALSE, adjust = TRUE)))
    // statsmodels 0.13.5: OLS(y, X).fit(cov_type="HAC", cov_kwds={"maxlags": 2,
    //   "use_correction": True}).bse agrees to the printed 8 digits
    assertEstimates(
        its.neweyWest(),
        new double[] {
          19.803636363636368, 0.290979020979021, -1.652960372960370, -0.218531468531468
        },
        new double[] {
          0.1759002406442770, 0.0230816273570187, 0.4151986267636992, 0.0397457319811698
        });
    // R 4.2.2, lmtest 0.9-40: coeftest(m, vcov. = NeweyWest(m, lag = 2, prewhite = FALSE,
    //   adjust = TRUE))[, 4]
    assertThat(its.levelChange().pValue()).isCloseTo(7.35254089605666e-04, within(1e-13));
    assertThat(its.trendChange().pValue()).isCloseTo(2.21107963427184e-05, within(1e-14));
    // R 4.2.2: coef(m)["D"] + c(-1, 1) * qt(0.975, 20) * NW SE of D
    assertThat(its.levelChange().interval(0.95).lower())
        .isCloseTo(-2.519049531744429, within(TOLERANCE));
    assertThat(its.levelChange().interval(0.95).upper())
        .isCloseTo(-0.786871214176311, within(TOLERANCE));
  }

  @Test
  void unadjustedNeweyWestMatchesSandwichWithAdjustFalse() {
    InterruptedTimeSeriesResult its = InterruptedTimeSeries.fit(Y, 13, 2, false);

    // R 4.2.2, sandwich 3.0-2: sqrt(diag(NeweyWest(m, lag = 2, prewhite = FALSE, adjust = FALSE)))
    // = statsmodels 0.13.5 cov_type="HAC", cov_kwds={"maxlags": 2} (default use_correction)
    assertThat(its.neweyWest())
        .extracting(Coefficient::standardError)
        .satisfiesExactly(
            se -> assertThat(se).isCloseTo(0.1605742161190959, within(TOLERANCE)),
            se -> assertThat(se).isCloseTo(0.0210705466122791, within(TOLERANCE)),
            se -> assertThat(se).isCloseTo(0.3790227562060767, within(TOLERANCE)),
            se -> assertThat(se).isCloseTo(0.0362827232844021, within(TOLERANCE)));
    assertThat(its.adjusted()).isFalse();
  }

  @Test
  void lagZeroWithAdjustmentIsHc1() {
    InterruptedTimeSeriesResult its = InterruptedTimeSeries.fit(Y, 13, 0, true);

    // R 4.2.2, sandwich 3.0-2: sqrt(diag(vcovHC(m, type = "HC1")))["D"]
    assertThat(its.levelChange().standardError()).isCloseTo(0.5367854812350892, within(TOLERANCE));
  }

  @Test
  void durbinWatsonMatchesDwtest() {
    InterruptedTimeSeriesResult its = InterruptedTimeSeries.fit(Y, 13);

    // R 4.2.2, lmtest 0.9-40: dwtest(m)$statistic; statsmodels 0.13.5 durbin_watson(resid)
    assertThat(its.durbinWatson()).isCloseTo(2.54045524061084, within(TOLERANCE));
  }

  @Test
  void defaultLagFollowsTheNeweyWestRuleOfThumb() {
    InterruptedTimeSeriesResult its = InterruptedTimeSeries.fit(Y, 13);

    // R 4.2.2: floor(4 * (24 / 100)^(2 / 9)) = 2
    assertThat(its.lag()).isEqualTo(2);
    assertThat(its.adjusted()).isTrue();
    assertThat(InterruptedTimeSeries.defaultLag(100)).isEqualTo(4);
  }

  @Test
  void effectAtTheLastPointCombinesLevelAndTrendChange() {
    InterruptedTimeSeriesResult its = InterruptedTimeSeries.fit(Y, 13, 2, true);

    Coefficient last = its.effects().get(its.effects().size() - 1);
    // R 4.2.2: coef(m)["D"] + coef(m)["tsince"] * 12
    assertThat(last.term()).isEqualTo("effect@24");
    assertThat(last.estimate()).isCloseTo(-4.27533799533799, within(TOLERANCE));
    // R 4.2.2, sandwich 3.0-2: sqrt(L' V L), V = NeweyWest(m, lag = 2, prewhite = FALSE,
    //   adjust = TRUE), L = c(0, 0, 1, 12)
    assertThat(last.standardError()).isCloseTo(0.399644057074542, within(TOLERANCE));
    assertThat(its.effects()).hasSize(12);
    // at T0 tsince = 1, so the effect is beta2 + beta3
    assertThat(its.effects().get(0).estimate())
        .isCloseTo(-1.652960372960370 - 0.218531468531468, within(TOLERANCE));
  }

  @Test
  void rejectsInterruptionWithoutTwoPointsEachSide() {
    assertThatThrownBy(() -> InterruptedTimeSeries.fit(Y, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("interruption must be in [3, 23] (at least 2 points before and after): 2");
  }

  @Test
  void rejectsMissingPoint() {
    double[] y = Y.clone();
    y[4] = Double.NaN;

    assertThatThrownBy(() -> InterruptedTimeSeries.fit(y, 13))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("y[4] must be finite: NaN");
  }

  @Test
  void rejectsLagBeyondTheSeries() {
    assertThatThrownBy(() -> InterruptedTimeSeries.fit(Y, 13, 24, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lag must be < the number of observations (24): 24");
  }

  private static void assertEstimates(
      List<Coefficient> coefficients, double[] estimates, double[] standardErrors) {
    assertThat(coefficients).hasSize(4);
    for (int j = 0; j < 4; j++) {
      assertThat(coefficients.get(j).estimate()).isCloseTo(estimates[j], within(TOLERANCE));
      assertThat(coefficients.get(j).standardError())
          .isCloseTo(standardErrors[j], within(TOLERANCE));
    }
  }

  @Test
  void aGapInTheSeriesKeepsItsPlaceOnTheTimeAxis() {
    // R 4.2.2, sandwich 3.0-2: t <- c(1,2,3,5,6,7,8); y <- c(10.2, 11.9, 14.1, 12.8, 15.3, 17.2,
    // 19.4); D <- as.numeric(t >= 5); tsince <- ifelse(t >= 5, t - 4, 0);
    // m <- lm(y ~ t + D + tsince); coef(m); sqrt(diag(vcov(m)));
    // sqrt(diag(NeweyWest(m, lag = 1, prewhite = FALSE, adjust = TRUE)))
    InterruptedTimeSeriesResult result =
        InterruptedTimeSeries.fitAt(
            new int[] {1, 2, 3, 5, 6, 7, 8},
            new double[] {10.2, 11.9, 14.1, 12.8, 15.3, 17.2, 19.4},
            5,
            1,
            true,
            0.95);
    double[] estimates = {
      8.166666666666659, 1.950000000000002, -5.216666666666666, 0.219999999999997
    };
    double[] conventional = {
      0.285319833533191, 0.132077418374393, 0.365705811740450, 0.156276108929748
    };
    double[] neweyWest = {
      0.1897583475177689, 0.0900102874778862, 0.3123609155508819, 0.0870853136404287
    };
    for (int j = 0; j < 4; j++) {
      assertThat(result.conventional().get(j).estimate()).isCloseTo(estimates[j], within(1e-9));
      assertThat(result.conventional().get(j).standardError())
          .isCloseTo(conventional[j], within(1e-9));
      assertThat(result.neweyWest().get(j).standardError()).isCloseTo(neweyWest[j], within(1e-9));
    }
    assertThat(result.effects())
        .extracting(Coefficient::term)
        .containsExactly("effect@5", "effect@6", "effect@7", "effect@8");
  }

  @Test
  void calendarYearsGiveTheEffectAndItsNeweyWestErrorToFullPrecision() {
    // its.R, last section (R 4.2.2, sandwich 3.0-2): on t = 2013:2021 - 2012 with first post year
    // 2016, my <- lm(yy ~ tt + Dy + sy); sum(c(0, 0, 1, 1) * coef(my));
    // sqrt(L' NeweyWest(my, lag = 2, prewhite = FALSE, adjust = TRUE) L). On the years themselves
    // the SE agrees only to about 8 digits (ill-conditioned X'X); fitAt must not lose them.
    double[] y = {
      390.926521,
      401.081568,
      398.626119,
      419.160165,
      439.732425,
      434.438776,
      385.857861,
      391.579491,
      377.035577
    };
    int[] years = {2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021};

    Coefficient effect =
        InterruptedTimeSeries.fitAt(years, y, 2016, 2, true, 0.95).effects().get(0);

    assertThat(effect.term()).isEqualTo("effect@2016");
    assertThat(effect.estimate()).isCloseTo(32.2227620952381, within(1e-9));
    assertThat(effect.standardError()).isCloseTo(9.95899436281369, within(1e-9));
  }

  @Test
  void timesMustIncrease() {
    assertThatThrownBy(
            () ->
                InterruptedTimeSeries.fitAt(
                    new int[] {1, 2, 2, 4, 5}, new double[] {1, 2, 3, 4, 5}, 4, 1, true, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("times must increase: times[2] = 2 after 2");
  }
}
