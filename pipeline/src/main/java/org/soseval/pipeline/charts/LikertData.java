package org.soseval.pipeline.charts;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Input for {@link LikertChart}: survey items answered on the five-point agreement scale.
 *
 * @param title chart title
 * @param items the items, drawn top to bottom in this order; labels must differ
 * @param note an optional note under the chart, e.g. the source
 */
public record LikertData(String title, List<LikertItem> items, Optional<String> note) {
  /** The five answers, in scale order. */
  public static final List<String> ANSWERS =
      List.of(
          "Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree");

  public LikertData {
    Checks.text(LikertItem.CHART, "title", title);
    Objects.requireNonNull(note, "note is null");
    items = Checks.nonEmpty(LikertItem.CHART, "items", items);
    Set<String> labels = new HashSet<>();
    for (LikertItem item : items) {
      Objects.requireNonNull(item, "item is null");
      if (!labels.add(item.label())) {
        throw Checks.invalid(LikertItem.CHART, "two items are labelled '%s'", item.label());
      }
    }
  }
}
