package org.soseval.pipeline.stats.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reference values: golden/stats/did_panel.R section 3 (R 4.2.2, sandwich 3.0-2). */
class EventStudyTest {
  private static final double TOLERANCE = 1e-9;
  // R 4.2.2: ks (relative times present, reference -1 omitted)
  private static final int[] TIMES = {-5, -4, -3, -2, 0, 1, 2, 3, 4};
  // R 4.2.2: coef(me)[evs], me <- lm(y ~ evm5 + ... + evp4 + factor(unit) + factor(period))
  private static final double[] ESTIMATES = {
    0.211871877008369, -0.911098840672421, -0.527015085039698, -2.556541179217339,
    -3.492640259881880, -5.716532393223369, -3.556048277768922, -5.086717568400460,
    -6.828978650575762
  };
  // R 4.2.2: summary(me)$coefficients[evs, "Std. Error"]
  private static final double[] CONVENTIONAL_SE = {
    1.76099052760953,
    1.35928163616844,
    1.17570093634613,
    1.15586146016420,
    1.15667115913081,
    1.17555201441372,
    1.19530183179632,
    1.36222653584397,
    1.76305367438071
  };
  // R 4.2.2, sandwich 3.0-2: sqrt(diag(vcovCL(me, cluster = ~unit, type = "HC1"))[evs])
  private static final double[] CLUSTER_SE = {
    1.62493558514304,
    2.03629940488826,
    1.63893933428032,
    2.51058989607646,
    1.10447101604105,
    2.28483950781917,
    1.92695902451770,
    1.14295029653324,
    1.41778419213224
  };

  @Test
  void leadsAndLagsMatchLmWithRelativeTimeDummies() {
    EventStudyResult result = EventStudy.fit(GoldenPanel.panel(), 0.95);

    assertThat(result.referenceTime()).isEqualTo(-1);
    assertThat(result.terms())
        .extracting(EventTerm::relativeTime)
        .containsExactly(-5, -4, -3, -2, 0, 1, 2, 3, 4);
    for (int i = 0; i < TIMES.length; i++) {
      EventTerm term = result.term(TIMES[i]);
      assertThat(term.estimate())
          .as("estimate at %d", TIMES[i])
          .isCloseTo(ESTIMATES[i], within(TOLERANCE));
      assertThat(term.conventional().standardError())
          .as("conventional SE at %d", TIMES[i])
          .isCloseTo(CONVENTIONAL_SE[i], within(TOLERANCE));
      assertThat(term.clusterRobust().standardError())
          .as("CR1 SE at %d", TIMES[i])
          .isCloseTo(CLUSTER_SE[i], within(TOLERANCE));
      assertThat(term.clusterRobust().degreesOfFreedom()).isEqualTo(11);
    }
    assertThat(result.nObs()).isEqualTo(95);
    assertThat(result.nUnits()).isEqualTo(12);
    assertThat(result.nTreatedUnits()).isEqualTo(3);
    assertThat(result.method()).isEqualTo("event_study");
  }

  @Test
  void explicitAdoptionMapGivesTheSameFitAsTheTreatmentColumn() {
    EventStudyResult result = EventStudy.fit(GoldenPanel.panel(), GoldenPanel.ADOPTION, -1);

    // R 4.2.2: coef(me)["evp4"]
    assertThat(result.term(4).estimate()).isCloseTo(-6.828978650575762, within(TOLERANCE));
  }

  @Test
  void referenceTimeHasNoTerm() {
    EventStudyResult result = EventStudy.fit(GoldenPanel.panel());

    assertThatThrownBy(() -> result.term(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no event-study term at relative time -1");
  }

  @Test
  void rejectsAdoptionForUnknownUnit() {
    assertThatThrownBy(() -> EventStudy.fit(GoldenPanel.panel(), Map.of("X99", 3), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("adoption names a unit without observed outcomes: X99");
  }
}
