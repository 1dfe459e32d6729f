package org.soseval.pipeline.charts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Input for {@link EmmieChart}: an evidence-quality level for every EMMIE dimension of every
 * outcome (and, usually, an overall row).
 *
 * @param title chart title
 * @param ratings one per outcome and dimension; outcomes are drawn top to bottom in the order they
 *     first appear, and every outcome has all five dimensions
 * @param note an optional note under the chart, e.g. where the level wording comes from
 */
public record EmmieData(String title, List<EmmieRating> ratings, Optional<String> note) {
  /** The five EMMIE dimensions, in order (Johnson, Tilley &amp; Bowers 2015). */
  public static final List<String> DIMENSIONS =
      List.of("Effect", "Mechanisms", "Moderators", "Implementation", "Economics");

  /** The highest EMMIE-Q level. */
  public static final int MAX_LEVEL = 4;

  public EmmieData {
    String chart = EmmieRating.CHART;
    Checks.text(chart, "title", title);
    Objects.requireNonNull(note, "note is null");
    ratings = Checks.nonEmpty(chart, "ratings", ratings);
    Set<String> cells = new HashSet<>();
    for (EmmieRating rating : ratings) {
      Objects.requireNonNull(rating, "rating is null");
      if (!cells.add(rating.outcome() + "\u0000" + rating.dimension())) {
        throw Checks.invalid(
            chart, "'%s' has two ratings for %s", rating.outcome(), rating.dimension());
      }
    }
    for (String outcome : outcomes(ratings)) {
      for (String dimension : DIMENSIONS) {
        if (!cells.contains(outcome + "\u0000" + dimension)) {
          throw Checks.invalid(chart, "'%s' has no rating for %s", outcome, dimension);
        }
      }
    }
  }

  /** The outcomes in the order they first appear. */
  public List<String> outcomes() {
    return outcomes(ratings);
  }

  private static List<String> outcomes(List<EmmieRating> ratings) {
    Set<String> outcomes = new LinkedHashSet<>();
    ratings.forEach(rating -> outcomes.add(rating.outcome()));
    return new ArrayList<>(outcomes);
  }

  /** The rating of an outcome on a dimension. */
  public EmmieRating rating(String outcome, String dimension) {
    return ratings.stream()
        .filter(r -> r.outcome().equals(outcome) && r.dimension().equals(dimension))
        .findFirst()
        .orElseThrow();
  }
}
