package org.soseval.pipeline.charts;

import java.util.Objects;
import java.util.regex.Pattern;
import org.jfree.chart.JFreeChart;

/**
 * A chart ready to write: the JFreeChart, the data behind it as a table, and an alt text that says
 * in one or two sentences what the chart shows.
 *
 * <p>The JFreeChart is mutable (JFreeChart's own design); treat it as read-only once built.
 *
 * @param name file stem, lower case letters, digits, {@code -} and {@code _}, e.g. {@code
 *     "icpc-rate-over-time"}
 * @param title the chart's title, as drawn
 * @param chart the JFreeChart
 * @param data the data behind the chart, written as CSV
 * @param altText a plain-text description generated from the data
 * @param height the design height in points at the {@value ChartStyle#DESIGN_WIDTH}-point design
 *     width: {@value ChartStyle#DESIGN_HEIGHT}, or more for a chart with many rows (a multiple of
 *     {@value #HEIGHT_STEP}, at most {@value #MAX_HEIGHT}, so that it still fits an A4 page at full
 *     width)
 */
public record Chart(
    String name, String title, JFreeChart chart, DataTable data, String altText, int height) {
  /** The tallest design height: 1000 points print about 21 cm tall at A4 text width. */
  public static final int MAX_HEIGHT = 1000;

  /** Design heights above the standard one are multiples of this many points. */
  public static final int HEIGHT_STEP = 50;

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");

  /** A chart of the standard {@value ChartStyle#DESIGN_HEIGHT}-point design height. */
  public Chart(String name, String title, JFreeChart chart, DataTable data, String altText) {
    this(name, title, chart, data, altText, ChartStyle.DESIGN_HEIGHT);
  }

  public Chart {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(title, "title is null");
    Objects.requireNonNull(chart, "chart is null");
    Objects.requireNonNull(data, "data is null");
    Objects.requireNonNull(altText, "altText is null");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "chart name must be lower case letters, digits, '-' or '_': '" + name + "'");
    }
    if (altText.isBlank()) {
      throw new IllegalArgumentException("altText must not be blank for chart " + name);
    }
    if (height < ChartStyle.DESIGN_HEIGHT || height > MAX_HEIGHT || height % HEIGHT_STEP != 0) {
      throw new IllegalArgumentException(
          "chart height must be a multiple of "
              + HEIGHT_STEP
              + " in ["
              + ChartStyle.DESIGN_HEIGHT
              + ", "
              + MAX_HEIGHT
              + "] points for chart "
              + name
              + ": "
              + height);
    }
  }
}
