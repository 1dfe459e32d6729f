package org.soseval.pipeline.stats.regression;

import java.util.List;

/**
 * An event-study fit ({@code event_study}).
 *
 * @param referenceTime the omitted relative time (coefficients are differences from it)
 * @param terms one term per relative time present in the data except the reference, ascending
 * @param nUnits units with observed outcomes (= clusters G)
 * @param nTreatedUnits treated units among them
 * @param nObs observations used
 * @param nCoefficients design columns K
 */
public record EventStudyResult(
    int referenceTime,
    List<EventTerm> terms,
    int nUnits,
    int nTreatedUnits,
    int nObs,
    int nCoefficients) {
  public static final String METHOD = "event_study";

  public EventStudyResult {
    terms = List.copyOf(terms);
  }

  /** The term at {@code relativeTime}; an exception if there is none. */
  public EventTerm term(int relativeTime) {
    for (EventTerm term : terms) {
      if (term.relativeTime() == relativeTime) {
        return term;
      }
    }
    throw new IllegalArgumentException("no event-study term at relative time " + relativeTime);
  }

  /** {@value #METHOD}. */
  public String method() {
    return METHOD;
  }
}
