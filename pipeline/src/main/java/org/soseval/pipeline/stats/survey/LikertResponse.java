package org.soseval.pipeline.stats.survey;

import java.util.Locale;

/**
 * One answer to a five-point Likert item, or the reason there is no scored answer.
 *
 * <p>Scores 1 to 5 run from strongly disagree to strongly agree; "agreeing" means 4 or 5. {@link
 * #DONT_KNOW} and {@link #NOT_APPLICABLE} are answers that carry no score; {@link #MISSING} is item
 * non-response (a respondent who returned the questionnaire but left this item blank).
 */
public enum LikertResponse {
  STRONGLY_DISAGREE,
  DISAGREE,
  NEITHER,
  AGREE,
  STRONGLY_AGREE,
  DONT_KNOW,
  NOT_APPLICABLE,
  MISSING;

  private static final LikertResponse[] BY_SCORE = {
    STRONGLY_DISAGREE, DISAGREE, NEITHER, AGREE, STRONGLY_AGREE
  };

  /**
   * The response with the given score.
   *
   * @throws IllegalArgumentException unless {@code 1 <= score <= 5}
   */
  public static LikertResponse ofScore(int score) {
    if (score >= 1 && score <= 5) {
      return BY_SCORE[score - 1];
    }
    throw new IllegalArgumentException(
        String.format(Locale.ROOT, "Likert score must be in 1-5: %d", score));
  }

  /** True for a scored answer (1 to 5). */
  public boolean isValid() {
    return ordinal() <= STRONGLY_AGREE.ordinal();
  }

  /** True for agree (4) or strongly agree (5). */
  public boolean isAgreeing() {
    return this == AGREE || this == STRONGLY_AGREE;
  }
}
