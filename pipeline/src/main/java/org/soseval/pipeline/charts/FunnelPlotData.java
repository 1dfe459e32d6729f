package org.soseval.pipeline.charts;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.soseval.pipeline.stats.compare.Polarity;
import org.soseval.pipeline.stats.funnel.FunnelLimits;

/**
 * Input for {@link FunnelPlotChart}.
 *
 * @param title chart title
 * @param indicator the indicator and its unit; the y-axis label, e.g. {@code "Re-referrals within
 *     12 months (%)"}
 * @param precisionLabel the x-axis label, e.g. {@code "Referrals (denominator)"}
 * @param polarity whether high values are better; turns High/Low into Better/Worse colours (none:
 *     Higher/Lower)
 * @param limits the control limits and baseline (PheFunnels)
 * @param units the LAs, at least one
 * @param highlight the name of the LA of interest, drawn larger and labelled, if any
 */
public record FunnelPlotData(
    String title,
    String indicator,
    String precisionLabel,
    Polarity polarity,
    FunnelLimits limits,
    List<FunnelUnit> units,
    Optional<String> highlight) {
  public FunnelPlotData {
    String chart = FunnelUnit.CHART;
    Checks.text(chart, "title", title);
    Checks.text(chart, "indicator", indicator);
    Checks.text(chart, "precision label", precisionLabel);
    Objects.requireNonNull(polarity, "polarity is null");
    Objects.requireNonNull(limits, "limits is null");
    if (limits.points().isEmpty()) {
      throw Checks.invalid(chart, "limits must have points");
    }
    Checks.finite(chart, "baseline", limits.baseline());
    units = Checks.nonEmpty(chart, "units", units);
    Set<String> names = new HashSet<>();
    for (FunnelUnit unit : units) {
      if (!names.add(unit.name())) {
        throw Checks.invalid(chart, "LA names must be unique: '%s'", unit.name());
      }
    }
    Objects.requireNonNull(highlight, "highlight is null");
    if (highlight.isPresent() && !names.contains(highlight.get())) {
      throw Checks.invalid(chart, "highlighted LA '%s' is not among the units", highlight.get());
    }
  }
}
