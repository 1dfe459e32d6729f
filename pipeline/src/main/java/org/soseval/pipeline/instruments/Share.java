package org.soseval.pipeline.instruments;

import java.util.List;
import java.util.Optional;
import org.soseval.pipeline.publish.EesFile.Column;
import org.soseval.pipeline.stats.Interval;
import org.soseval.pipeline.stats.disclosure.PublishedValue;
import org.soseval.pipeline.stats.interval.ProportionIntervals;

/**
 * A published percentage ({@code count / base}, after disclosure control) and the cells the survey
 * and audit tables show with it: the percentage with its Wilson 95% limits, and the change since
 * the first wave or round in percentage points with its Newcombe (hybrid Wilson score) limits. A
 * suppressed percentage carries its symbol into its limits and into any change that uses it; no
 * earlier share gives {@code z} (not applicable).
 */
record Share(PublishedValue published, long count, long base) {
  private static final double LEVEL = 0.95;

  /** The percentage, lower and upper limit columns, in {@code measure}'s indicator group. */
  static List<Column> columns(String name, String label, String measure) {
    return List.of(
        Column.indicator(name, label, measure, "%", 1),
        Column.indicator("lower_ci", "Lower 95% limit (Wilson)", measure, "%", 1),
        Column.indicator("upper_ci", "Upper 95% limit (Wilson)", measure, "%", 1));
  }

  /** The change and its limits, since the first {@code period} (wave or round). */
  static List<Column> changeColumns(String period) {
    return List.of(
        Column.indicator("change_pp", "Change since the first " + period, "Change", "pp", 1),
        Column.indicator(
            "change_lower_ci", "Lower 95% limit of change (Newcombe)", "Change", "pp", 1),
        Column.indicator(
            "change_upper_ci", "Upper 95% limit of change (Newcombe)", "Change", "pp", 1));
  }

  /** The percentage and its Wilson limits, or the percentage's symbol three times. */
  List<String> cells() {
    if (published.number().isEmpty()) {
      return List.of(published.text(), published.text(), published.text());
    }
    Interval interval = ProportionIntervals.wilson(count, base, LEVEL);
    return List.of(
        published.text(),
        EesRows.number(100 * interval.lower(), 1),
        EesRows.number(100 * interval.upper(), 1));
  }

  /** The change from {@code before} to this share, with its Newcombe limits. */
  List<String> changeSince(Optional<Share> before) {
    if (before.isEmpty()) {
      return List.of("z", "z", "z");
    }
    Share earlier = before.get();
    if (earlier.published().number().isEmpty() || published.number().isEmpty()) {
      String symbol =
          earlier.published().number().isEmpty() ? earlier.published().text() : published.text();
      return List.of(symbol, symbol, symbol);
    }
    Interval change =
        SmallSampleIntervals.newcombe(earlier.count(), earlier.base(), count, base, LEVEL);
    return List.of(
        EesRows.number(100.0 * count / base - 100.0 * earlier.count() / earlier.base(), 1),
        EesRows.number(100 * change.lower(), 1),
        EesRows.number(100 * change.upper(), 1));
  }
}
