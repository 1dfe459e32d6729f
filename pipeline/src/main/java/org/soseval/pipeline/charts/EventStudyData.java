package org.soseval.pipeline.charts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.soseval.pipeline.stats.Interval;
import org.soseval.pipeline.stats.regression.Coefficient;
import org.soseval.pipeline.stats.regression.EventStudyResult;
import org.soseval.pipeline.stats.regression.EventTerm;

/**
 * Input for {@link EventStudyChart}.
 *
 * @param title chart title
 * @param outcome the outcome and its unit, e.g. {@code "ICPC rate per 10,000 children"}; the value
 *     axis reads "Difference in …"
 * @param points one per relative time except the reference, any order (sorted on construction)
 * @param referenceTime the omitted period the estimates are relative to (drawn at 0, no interval)
 * @param level the confidence level of the intervals, e.g. 0.95
 * @param unit the period unit for the axis and alt text, e.g. {@code "year"}
 */
public record EventStudyData(
    String title,
    String outcome,
    List<EventStudyPoint> points,
    int referenceTime,
    double level,
    String unit) {
  public EventStudyData {
    String chart = EventStudyPoint.CHART;
    Checks.text(chart, "title", title);
    Checks.text(chart, "outcome", outcome);
    Checks.text(chart, "unit", unit);
    Checks.nonEmpty(chart, "points", points);
    Set<Integer> times = new HashSet<>();
    for (EventStudyPoint point : points) {
      Objects.requireNonNull(point, "point is null");
      if (point.relativeTime() == referenceTime) {
        throw Checks.invalid(
            chart,
            "the reference period %d is fixed at 0 and must not have an estimate",
            referenceTime);
      }
      if (!times.add(point.relativeTime())) {
        throw Checks.invalid(chart, "two estimates at relative time %d", point.relativeTime());
      }
    }
    if (!(level > 0 && level < 1)) {
      throw Checks.invalid(chart, "level must be in (0, 1): %s", level);
    }
    points =
        points.stream()
            .sorted((a, b) -> Integer.compare(a.relativeTime(), b.relativeTime()))
            .toList();
  }

  /**
   * The event-study fit's terms at {@code level}, with cluster-robust (CR1) or conventional
   * standard errors; years as the unit.
   *
   * @throws IllegalArgumentException if a term has no interval at {@code level} or an undefined
   *     (NaN) estimate or interval
   */
  public static EventStudyData from(
      String title, String outcome, EventStudyResult result, double level, boolean clusterRobust) {
    List<EventStudyPoint> points = new ArrayList<>();
    for (EventTerm term : result.terms()) {
      Coefficient coefficient = clusterRobust ? term.clusterRobust() : term.conventional();
      Interval interval = coefficient.interval(level);
      points.add(
          EventStudyPoint.of(
              term.relativeTime(), coefficient.estimate(), interval.lower(), interval.upper()));
    }
    return new EventStudyData(title, outcome, points, result.referenceTime(), level, "year");
  }
}
