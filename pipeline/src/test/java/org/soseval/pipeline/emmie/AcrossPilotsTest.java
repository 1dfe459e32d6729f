package org.soseval.pipeline.emmie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reference values: R 4.2.2 with metafor 3.8-1 (calls in each test). */
class AcrossPilotsTest {
  private static final double[] YI = {-6.1, -4.2, -5.5, -3.0, -7.2, -4.8, -2.1, -5.9};
  private static final double[] VI = {1.2, 0.8, 1.5, 0.9, 2.0, 1.1, 0.7, 1.3};
  private static final List<String> GROUP =
      List.of("new", "new", "2y", "2y", "2+", "2+", "new", "2y");
  private static final double[] X = {3.1, 4.2, 6.5, 5.0, 8.8, 7.1, 2.5, 6.0};

  @Test
  void qBetweenMatchesMetaforFixedEffectSubgroups() {
    // rma(yi, vi, mods = ~factor(g), method = "FE"): QM 3.529103925914, QMp 0.171263501691
    AcrossPilots.Subgroups subgroups = AcrossPilots.subgroups(GROUP, YI, VI);
    assertThat(subgroups.qBetween()).isCloseTo(3.529103925914, within(1e-9));
    assertThat(subgroups.pValue()).isCloseTo(0.171263501691, within(1e-9));
    assertThat(subgroups.df()).isEqualTo(2);
  }

  @Test
  void metaRegressionMatchesMetaforFixedEffect() {
    // rma(yi, vi, mods = ~x, method = "FE"): slope -0.536764889719, se 0.195400729254,
    // ci -0.919743281610 to -0.153786497828, p 0.006014399182
    double[] slope = AcrossPilots.metaRegression(X, YI, VI);
    assertThat(slope[0]).isCloseTo(-0.536764889719, within(1e-9));
    assertThat(slope[1]).isCloseTo(0.195400729254, within(1e-9));
    assertThat(slope[2]).isCloseTo(-0.919743281610, within(1e-9));
    assertThat(slope[3]).isCloseTo(-0.153786497828, within(1e-9));
    assertThat(slope[4]).isCloseTo(0.006014399182, within(1e-9));
  }

  @Test
  void correlationMatchesCorTest() {
    // cor.test(x, yi): r -0.633773408692, conf.int -0.925234062530 to 0.128116912659,
    // p 0.091539215720
    AcrossPilots.Correlation r = AcrossPilots.correlation(X, YI);
    assertThat(r.r()).isCloseTo(-0.633773408692, within(1e-9));
    assertThat(r.lower()).isCloseTo(-0.925234062530, within(1e-9));
    assertThat(r.upper()).isCloseTo(0.128116912659, within(1e-9));
    assertThat(r.pValue()).isCloseTo(0.091539215720, within(1e-9));
  }
}
