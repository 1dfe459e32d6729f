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
 */
public record Chart(String name, String title, JFreeChart chart, DataTable data, String altText) {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");

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
  }
}
