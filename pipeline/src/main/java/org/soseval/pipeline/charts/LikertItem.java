package org.soseval.pipeline.charts;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.soseval.pipeline.stats.disclosure.PublishedValue;

/**
 * One survey item of a {@link LikertChart}: the published percentages of valid answers (1-5) in
 * each of the five answers, and the published base, don't-know and no-answer counts. Values are
 * exactly as disclosure control published them (a number, or a symbol such as {@code c}).
 *
 * @param label the item (and, where the chart mixes them, its group or wave)
 * @param shares five percentages of the valid answers, strongly disagree first
 * @param base the valid answers (1-5) the percentages are of
 * @param dontKnow the "don't know" answers (not in the base)
 * @param noAnswer the responding units who left the item blank (not in the base)
 */
public record LikertItem(
    String label,
    List<PublishedValue> shares,
    PublishedValue base,
    PublishedValue dontKnow,
    PublishedValue noAnswer) {
  static final String CHART = "Likert chart";

  /** Tolerance for five percentages rounded to 1 decimal place to add up to 100. */
  private static final double ROUNDING = 0.5;

  public LikertItem {
    Checks.text(CHART, "item label", label);
    Objects.requireNonNull(shares, "shares is null");
    Objects.requireNonNull(base, "base is null");
    Objects.requireNonNull(dontKnow, "dontKnow is null");
    Objects.requireNonNull(noAnswer, "noAnswer is null");
    shares = List.copyOf(shares);
    if (shares.size() != LikertData.ANSWERS.size()) {
      throw Checks.invalid(
          CHART,
          "item '%s' must have 5 percentages (strongly disagree to strongly agree): %d",
          label,
          shares.size());
    }
    double sum = 0;
    boolean complete = true;
    for (int i = 0; i < shares.size(); i++) {
      PublishedValue share = shares.get(i);
      if (share.number().isEmpty()) {
        complete = false;
        continue;
      }
      double value = share.number().get().doubleValue();
      if (value < 0 || value > 100) {
        throw Checks.invalid(
            CHART,
            "item '%s' percentage '%s' must be in [0, 100]: %s",
            label,
            LikertData.ANSWERS.get(i),
            share.text());
      }
      sum += value;
    }
    if (complete && Math.abs(sum - 100) > ROUNDING) {
      throw Checks.invalid(
          CHART,
          "item '%s' percentages must add up to 100 (to rounding): %s",
          label,
          new BigDecimal(Double.toString(sum)).stripTrailingZeros().toPlainString());
    }
  }

  /** True when all five percentages are published numbers, so the bar can be drawn. */
  public boolean shown() {
    return shares.stream().allMatch(share -> share.number().isPresent());
  }

  /** The published percentage of answer {@code i} (0 = strongly disagree); shown items only. */
  double share(int i) {
    return shares.get(i).number().orElseThrow().doubleValue();
  }

  /** Agree plus strongly agree; shown items only. */
  double agreeing() {
    return share(3) + share(4);
  }

  /** Disagree plus strongly disagree; shown items only. */
  double disagreeing() {
    return share(0) + share(1);
  }
}
