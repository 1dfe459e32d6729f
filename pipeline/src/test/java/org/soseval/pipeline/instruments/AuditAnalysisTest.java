package org.soseval.pipeline.instruments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.soseval.pipeline.instruments.AuditAnalysis.Audit;

class AuditAnalysisTest {
  private static final InstrumentSchema SCHEMA = InstrumentSchema.of(InstrumentSchema.CASE_AUDIT);

  /** An audit rating three mapping criteria: a score of 100/3, 50/3, 200/3, 250/3, ... */
  private static Audit audit(String id, String first, String second, String third) {
    return new Audit(
        "855",
        id,
        1,
        2016,
        Map.of(
            "danger_statements_plain", first,
            "danger_paired_with_safety_goal", second,
            "impact_on_child_clear", third));
  }

  @Test
  void theMeanMappingScoreHasTheSameDigitsWhateverTheOrderOfTheAudits() {
    // in this order the scores 100/3, 200/3, 50/3, 250/3, 100/3, 50/3, 200/3 add up to
    // 316.6666666666667, in the reverse order to 316.66666666666663
    List<Audit> audits =
        List.of(
            audit("a", "met", "not_met", "not_met"),
            audit("b", "met", "met", "not_met"),
            audit("c", "partly", "not_met", "not_met"),
            audit("d", "met", "met", "partly"),
            audit("e", "met", "not_met", "not_met"),
            audit("f", "partly", "not_met", "not_met"),
            audit("g", "met", "met", "not_met"));
    List<Audit> reversed = new ArrayList<>(audits);
    Collections.reverse(reversed);

    double mean = SmallSampleIntervals.mean(AuditAnalysis.scores(SCHEMA, audits));

    assertThat(SmallSampleIntervals.mean(AuditAnalysis.scores(SCHEMA, reversed))).isEqualTo(mean);
    assertThat(mean).isCloseTo(950.0 / 21, within(1e-12));
  }
}
