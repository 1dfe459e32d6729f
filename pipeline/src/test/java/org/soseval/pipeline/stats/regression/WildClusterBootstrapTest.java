package org.soseval.pipeline.stats.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Reference values: golden/stats/did_panel.R section 2 (R 4.2.2, sandwich 3.0-2), an independent
 * brute-force implementation that refits {@code lm} and {@code vcovCL(type = "HC1")} for every
 * weight vector of the restricted (null-imposed) wild-cluster bootstrap.
 */
class WildClusterBootstrapTest {
  private static final double[] WEBB = {
    -Math.sqrt(1.5), -1, -Math.sqrt(0.5), Math.sqrt(0.5), 1, Math.sqrt(1.5)
  };

  @Test
  void rademacherEnumerationOfAllSignVectorsMatchesBruteForceR() {
    WildClusterBootstrap bootstrap = WildClusterBootstrap.of(BootstrapWeights.RADEMACHER, 9999, 1);

    PooledDid did = DifferenceInDifferences.pooled(GoldenPanel.panel(), bootstrap);

    BootstrapResult result = did.wildBootstrap().orElseThrow();
    // R 4.2.2: E <- expand.grid(rep(list(c(-1, 1)), 12)); pval(apply(E, 1, tstar)) = 10/4096
    assertThat(result.pValue()).isCloseTo(0.00244140625, within(1e-15));
    assertThat(result.enumerated()).isTrue();
    assertThat(result.draws()).isEqualTo(4096);
    assertThat(result.nClusters()).isEqualTo(12);
    // R 4.2.2: t0 <- b / se_cr1
    assertThat(result.statistic()).isCloseTo(-6.39049158482395, within(1e-9));
    assertThat(result.method()).isEqualTo("wild_cluster_rademacher");
  }

  @Test
  void webbWeightsOnADeterministicMatrixMatchBruteForceR() {
    // R 4.2.2: W[b, g] = webb[((7b + 3g + (b*g mod 5)) mod 6) + 1], b = 0..199, g = 0..11
    double[][] weights = new double[200][12];
    for (int b = 0; b < 200; b++) {
      for (int g = 0; g < 12; g++) {
        weights[b][g] = WEBB[(7 * b + 3 * g + (b * g) % 5) % 6];
      }
    }
    TwoWayDesign design = pooledDesign();
    LinearModel model = design.fit();

    double p = WildClusterBootstrap.pValue(model, design.clusters, model.indexOf("D"), weights);

    // R 4.2.2: pval(apply(W, 1, tstar)) = 7/200
    assertThat(p).isCloseTo(0.035, within(1e-15));
  }

  @Test
  void observedStatisticEqualsTheClusterRobustTStatistic() {
    TwoWayDesign design = pooledDesign();
    LinearModel model = design.fit();
    int column = model.indexOf("D");
    double[][] v = model.clusterCovariance(design.clusters);

    double t = WildClusterBootstrap.observedStatistic(model, design.clusters, column);

    assertThat(t)
        .isCloseTo(model.coefficients()[column] / Math.sqrt(v[column][column]), within(1e-10));
  }

  @Test
  void sameSeedGivesIdenticalPValue() {
    Panel panel = GoldenPanel.panel();
    WildClusterBootstrap bootstrap = WildClusterBootstrap.of(BootstrapWeights.WEBB, 399, 20141001);

    double first = DifferenceInDifferences.pooled(panel, bootstrap).wildBootstrap().get().pValue();
    double second = DifferenceInDifferences.pooled(panel, bootstrap).wildBootstrap().get().pValue();

    assertThat(first).isEqualTo(second);
    assertThat(DifferenceInDifferences.pooled(panel, bootstrap).wildBootstrap().get().enumerated())
        .isFalse();
  }

  @Test
  void randomRademacherDrawsApproachTheEnumeratedPValue() {
    WildClusterBootstrap bootstrap = WildClusterBootstrap.of(BootstrapWeights.RADEMACHER, 999, 7);

    BootstrapResult result =
        DifferenceInDifferences.pooled(GoldenPanel.panel(), bootstrap).wildBootstrap().get();

    // R 4.2.2 exact enumeration 0.00244140625; 999 draws: binomial SD about 0.0016
    assertThat(result.enumerated()).isFalse();
    assertThat(result.draws()).isEqualTo(999);
    assertThat(result.pValue()).isBetween(0.0, 0.008);
  }

  @Test
  void rejectsNonPositiveDraws() {
    assertThatThrownBy(() -> WildClusterBootstrap.of(BootstrapWeights.RADEMACHER, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("draws must be > 0: 0");
  }

  private static TwoWayDesign pooledDesign() {
    return TwoWayDesign.of(
        GoldenPanel.panel().observedRows(),
        java.util.List.of(new TwoWayDesign.Regressor("D", row -> row.treated() ? 1 : 0)));
  }
}
