package org.soseval.pipeline.charts;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
    if (!complete && sum > 100 + ROUNDING) {
      throw Checks.invalid(
          CHART,
          "item '%s' published percentages add up to more than 100: %s",
          label,
          new BigDecimal(Double.toString(sum)).stripTrailingZeros().toPlainString());
    }
    if (complete && Math.abs(sum - 100) > ROUNDING) {
      throw Checks.invalid(
          CHART,
          "item '%s' percentages must add up to 100 (to rounding): %s",
          label,
          new BigDecimal(Double.toString(sum)).stripTrailingZeros().toPlainString());
    }
  }

  /** The pair of answers a drawn bar shows as one segment because both were suppressed. */
  enum Pair {
    /** All five answers are published. */
    NONE,
    /** Strongly disagree and disagree are suppressed, the other three published. */
    DISAGREEING,
    /** Agree and strongly agree are suppressed, the other three published. */
    AGREEING
  }

  /**
   * How the bar can be drawn: all five answers, or with the two answers of one side suppressed
   * together (their sum, 100 minus the three published, is what the published table gives anyway);
   * empty when other answers are suppressed and the bar cannot be placed.
   */
  Optional<Pair> pair() {
    boolean[] hidden = new boolean[shares.size()];
    for (int i = 0; i < hidden.length; i++) {
      hidden[i] = shares.get(i).number().isEmpty();
    }
    if (!hidden[0] && !hidden[1] && !hidden[2] && !hidden[3] && !hidden[4]) {
      return Optional.of(Pair.NONE);
    }
    if (hidden[0] && hidden[1] && !hidden[2] && !hidden[3] && !hidden[4]) {
      return Optional.of(Pair.DISAGREEING);
    }
    if (!hidden[0] && !hidden[1] && !hidden[2] && hidden[3] && hidden[4]) {
      return Optional.of(Pair.AGREEING);
    }
    return Optional.empty();
  }

  /** True when the bar can be drawn: all five published, or one side's pair suppressed together. */
  public boolean shown() {
    return pair().isPresent();
  }

  /** True when answer {@code i} is drawn as its own segment. */
  boolean drawnAlone(int i) {
    return shown() && shares.get(i).number().isPresent();
  }

  /** The published percentage of answer {@code i} (0 = strongly disagree); published ones only. */
  double share(int i) {
    return shares.get(i).number().orElseThrow().doubleValue();
  }

  /** The suppressed pair's share: 100 minus the three published (at least 0). */
  double pairShare() {
    double published = 0;
    for (int i = 0; i < shares.size(); i++) {
      published += shares.get(i).number().map(BigDecimal::doubleValue).orElse(0.0);
    }
    return Math.max(0, 100 - published);
  }

  /** Agree plus strongly agree; shown items only. */
  double agreeing() {
    return pair().orElseThrow() == Pair.AGREEING ? pairShare() : share(3) + share(4);
  }

  /** Disagree plus strongly disagree; shown items only. */
  double disagreeing() {
    return pair().orElseThrow() == Pair.DISAGREEING ? pairShare() : share(0) + share(1);
  }
}
