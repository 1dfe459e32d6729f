package org.soseval.pipeline.charts;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A horizontal axis over natural-log values whose ticks sit at round ratios (0.5, 1, 2, or 0.6,
 * 0.8, 1, 1.25 …) and are labelled as ratios, so a ratio forest plot reads on the ratio scale while
 * intervals symmetric on the log scale look symmetric.
 */
final class LogRatioAxis extends NumberAxis {
  private static final long serialVersionUID = 1L;
  private static final double[][] BASES = {
    {1, 2, 5}, {1, 2, 3, 5}, {1, 1.5, 2, 3, 5, 7}, {1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 8}
  };
  private static final int MIN_TICKS = 5;
  private static final int MAX_TICKS = 11;

  LogRatioAxis(String label) {
    super(label);
    setAutoRangeIncludesZero(false);
  }

  /** Round ratios within [exp(lower), exp(upper)], as plotted positions (logs). */
  static List<Double> tickRatios(double lower, double upper) {
    List<Double> ticks = List.of();
    for (double[] bases : BASES) {
      ticks = new ArrayList<>();
      for (int decade = -4; decade <= 4; decade++) {
        for (double base : bases) {
          double ratio = Double.parseDouble(base + "E" + decade);
          double position = Math.log(ratio);
          if (position >= lower - 1e-12 && position <= upper + 1e-12) {
            ticks.add(ratio);
          }
        }
      }
      if (ticks.size() >= MIN_TICKS) {
        break;
      }
    }
    if (ticks.size() > MAX_TICKS) {
      List<Double> thinned = new ArrayList<>();
      int step = (ticks.size() + MAX_TICKS - 1) / MAX_TICKS;
      for (int i = 0; i < ticks.size(); i += step) {
        thinned.add(ticks.get(i));
      }
      ticks = thinned;
    }
    return ticks;
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public List refreshTicks(
      Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
    List ticks = new ArrayList();
    for (double ratio : tickRatios(getLowerBound(), getUpperBound())) {
      ticks.add(
          new NumberTick(
              TickType.MAJOR,
              Math.log(ratio),
              Formats.tickFormat().format(ratio),
              TextAnchor.TOP_CENTER,
              TextAnchor.CENTER,
              0.0));
    }
    return ticks;
  }
}
