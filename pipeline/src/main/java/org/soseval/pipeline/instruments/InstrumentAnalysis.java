package org.soseval.pipeline.instruments;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.soseval.pipeline.stats.disclosure.DisclosureProfile;
import org.soseval.pipeline.stats.economics.PriceIndex;

/**
 * Runs every instrument analysis on a validated {@link InstrumentSet} and writes the EES tables to
 * {@code publish/}: {@code survey_items.csv}, {@code survey_reliability.csv}, {@code
 * audit_criteria.csv}, {@code audit_composite.csv}, {@code implementation_ratings.csv}, {@code
 * training_reach.csv}, {@code costs.csv} (each with its {@code .meta.csv}; a table is written only
 * when its instrument has rows).
 */
public final class InstrumentAnalysis {
  private InstrumentAnalysis() {}

  /** What the analyses found, per LA, for the EMMIE summary. */
  public record Results(
      InstrumentSet set,
      List<SurveyAnalysis.ScaleScore> scales,
      List<AuditAnalysis.LaRound> audits,
      List<ImplementationAnalysis.LaWave> implementation,
      List<TrainingAnalysis.Reach> training,
      List<CostAnalysis.LaCost> costs) {
    public Results {
      Objects.requireNonNull(set, "set is null");
      scales = List.copyOf(scales);
      audits = List.copyOf(audits);
      implementation = List.copyOf(implementation);
      training = List.copyOf(training);
      costs = List.copyOf(costs);
    }
  }

  public static Results run(
      InstrumentSet set,
      LaGroups groups,
      DisclosureProfile profile,
      PriceIndex index,
      OptionalInt priceYear,
      Path publish) {
    List<SurveyAnalysis.ScaleScore> scales = SurveyAnalysis.run(set, groups, profile, publish);
    List<AuditAnalysis.LaRound> audits = AuditAnalysis.run(set, groups, profile, publish);
    List<ImplementationAnalysis.LaWave> implementation =
        ImplementationAnalysis.run(set, groups, publish);
    List<TrainingAnalysis.Reach> training = TrainingAnalysis.run(set, groups, profile, publish);
    List<CostAnalysis.LaCost> costs =
        CostAnalysis.run(set, groups, training, index, priceYear, publish);
    return new Results(set, scales, audits, implementation, training, costs);
  }
}
