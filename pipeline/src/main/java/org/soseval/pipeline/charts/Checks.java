package org.soseval.pipeline.charts;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Input checks shared by the chart inputs. Messages read "Cannot draw &lt;chart&gt;: &lt;what is
 * wrong&gt;", name the series or row and give the offending value; checks are NaN-safe.
 */
final class Checks {
  private Checks() {}

  static IllegalArgumentException invalid(String chart, String format, Object... args) {
    return new IllegalArgumentException(
        "Cannot draw " + chart + ": " + String.format(Locale.ROOT, format, args));
  }

  static String text(String chart, String what, String value) {
    if (value == null || value.isBlank()) {
      throw invalid(chart, "%s must not be blank", what);
    }
    return value;
  }

  static double finite(String chart, String what, double value) {
    if (!Double.isFinite(value)) {
      throw invalid(chart, "%s must be finite: %s", what, value);
    }
    return value;
  }

  static double positive(String chart, String what, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw invalid(chart, "%s must be finite and > 0: %s", what, value);
    }
    return value;
  }

  /** Finite bounds with {@code lower <= upper}. */
  static void bounds(String chart, String what, double lower, double upper) {
    finite(chart, what + " lower limit", lower);
    finite(chart, what + " upper limit", upper);
    if (lower > upper) {
      throw invalid(
          chart,
          "%s lower limit must be <= upper limit: %s > %s",
          what,
          DataTable.number(lower),
          DataTable.number(upper));
    }
  }

  static <T> List<T> nonEmpty(String chart, String what, Collection<T> values) {
    if (values.isEmpty()) {
      throw invalid(chart, "%s must not be empty", what);
    }
    return List.copyOf(values);
  }

  /** Finite values, at most one per year. */
  static List<YearValue> series(String chart, String name, List<YearValue> values) {
    Set<Integer> years = new HashSet<>();
    for (YearValue value : values) {
      finite(chart, "series '" + name + "' value in " + value.year(), value.value());
      if (!years.add(value.year())) {
        throw invalid(chart, "series '%s' has two values for %d", name, value.year());
      }
    }
    return values.stream().sorted((a, b) -> Integer.compare(a.year(), b.year())).toList();
  }
}
