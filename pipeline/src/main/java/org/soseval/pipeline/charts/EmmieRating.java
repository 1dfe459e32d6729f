package org.soseval.pipeline.charts;

import java.util.Objects;
import java.util.Optional;

/**
 * One cell of an {@link EmmieChart}: the evidence-quality level of one EMMIE dimension for one
 * outcome (or the overall summary).
 *
 * @param outcome the outcome label, or e.g. {@code "Overall"}
 * @param dimension one of {@link EmmieData#DIMENSIONS}
 * @param level the EMMIE-Q evidence-quality level, 0 (none) to 4 (strongest)
 * @param evidence false when the data cannot support a claim on this dimension ("no evidence")
 * @param finding a word or two on what the evidence says, e.g. the direction of an effect ("fell")
 */
public record EmmieRating(
    String outcome, String dimension, int level, boolean evidence, Optional<String> finding) {
  static final String CHART = "EMMIE chart";

  public EmmieRating {
    Checks.text(CHART, "outcome", outcome);
    Checks.text(CHART, "dimension", dimension);
    Objects.requireNonNull(finding, "finding is null");
    if (!EmmieData.DIMENSIONS.contains(dimension)) {
      throw Checks.invalid(
          CHART, "dimension must be one of %s: '%s'", EmmieData.DIMENSIONS, dimension);
    }
    if (level < 0 || level > EmmieData.MAX_LEVEL) {
      throw Checks.invalid(
          CHART, "level of %s for '%s' must be 0 to 4: %d", dimension, outcome, level);
    }
    finding.ifPresent(text -> Checks.text(CHART, "finding", text));
  }

  public static EmmieRating of(
      String outcome, String dimension, int level, boolean evidence, Optional<String> finding) {
    return new EmmieRating(outcome, dimension, level, evidence, finding);
  }

  /** The cell's second line: "no evidence", else the finding, else nothing. */
  String note() {
    return evidence ? finding.orElse("") : "no evidence";
  }
}
