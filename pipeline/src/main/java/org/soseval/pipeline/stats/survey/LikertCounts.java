package org.soseval.pipeline.stats.survey;

import java.util.Locale;

/**
 * Counts of the answers to one Likert item from the units that responded to the survey. Counts are
 * mergeable ({@link #combine}), so per-partition tallies can be added up.
 *
 * @param stronglyDisagree score 1
 * @param disagree score 2
 * @param neither score 3
 * @param agree score 4
 * @param stronglyAgree score 5
 * @param dontKnow "don't know": an answer, but not a valid response
 * @param notApplicable "not applicable": an answer, but not a valid response
 * @param missing item non-response: the item was left blank
 */
public record LikertCounts(
    long stronglyDisagree,
    long disagree,
    long neither,
    long agree,
    long stronglyAgree,
    long dontKnow,
    long notApplicable,
    long missing) {

  /** No responses. */
  public static final LikertCounts EMPTY = new LikertCounts(0, 0, 0, 0, 0, 0, 0, 0);

  public LikertCounts {
    requireCount("stronglyDisagree", stronglyDisagree);
    requireCount("disagree", disagree);
    requireCount("neither", neither);
    requireCount("agree", agree);
    requireCount("stronglyAgree", stronglyAgree);
    requireCount("dontKnow", dontKnow);
    requireCount("notApplicable", notApplicable);
    requireCount("missing", missing);
  }

  /** Counts in scale order: scores 1 to 5, then don't know, not applicable and missing. */
  public static LikertCounts of(
      long stronglyDisagree,
      long disagree,
      long neither,
      long agree,
      long stronglyAgree,
      long dontKnow,
      long notApplicable,
      long missing) {
    return new LikertCounts(
        stronglyDisagree,
        disagree,
        neither,
        agree,
        stronglyAgree,
        dontKnow,
        notApplicable,
        missing);
  }

  /** Tallies individual responses (one per responding unit). */
  public static LikertCounts tally(Iterable<LikertResponse> responses) {
    long[] counts = new long[LikertResponse.values().length];
    for (LikertResponse response : responses) {
      counts[response.ordinal()]++;
    }
    return new LikertCounts(
        counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6], counts[7]);
  }

  /** The element-wise sum of two tallies. */
  public LikertCounts combine(LikertCounts other) {
    return new LikertCounts(
        stronglyDisagree + other.stronglyDisagree,
        disagree + other.disagree,
        neither + other.neither,
        agree + other.agree,
        stronglyAgree + other.stronglyAgree,
        dontKnow + other.dontKnow,
        notApplicable + other.notApplicable,
        missing + other.missing);
  }

  /** Agree plus strongly agree. */
  public long agreeing() {
    return agree + stronglyAgree;
  }

  /** Valid responses (scores 1 to 5): the base of the percentage agreeing. */
  public long valid() {
    return stronglyDisagree + disagree + neither + agree + stronglyAgree;
  }

  /** Units that answered the item in any way, including don't know and not applicable. */
  public long answered() {
    return valid() + dontKnow + notApplicable;
  }

  /** Responding units: every category including item non-response. */
  public long respondents() {
    return answered() + missing;
  }

  private static void requireCount(String name, long count) {
    if (count < 0) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s must be >= 0: %d", name, count));
    }
  }
}
