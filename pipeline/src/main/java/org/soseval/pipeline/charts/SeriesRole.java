package org.soseval.pipeline.charts;

import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.util.Locale;

/**
 * What a line on an outcome-over-time chart stands for; fixes its colour (Okabe-Ito), stroke and
 * marker so that pilots, comparators and England look the same on every chart and differ by more
 * than colour.
 */
public enum SeriesRole {
  /** The pilots' mean (or pooled) value: thick vermillion line, circles. */
  PILOT_MEAN(ChartStyle.VERMILLION, ChartStyle.LINE, ChartStyle.circle(8), false),
  /** One pilot LA: thin, pale vermillion line drawn behind the means. */
  PILOT(ChartStyle.VERMILLION, ChartStyle.THIN_LINE, ChartStyle.circle(5), true),
  /** The comparison LAs' mean: thick blue line, squares. */
  COMPARATOR_MEAN(ChartStyle.BLUE, ChartStyle.LINE, ChartStyle.square(7), false),
  /** One comparison LA: thin, pale blue line. */
  COMPARATOR(ChartStyle.BLUE, ChartStyle.THIN_LINE, ChartStyle.square(5), true),
  /** England: black dashed line, circles. */
  ENGLAND(ChartStyle.BLACK, ChartStyle.DASHED, ChartStyle.circle(6), false),
  /** The region: bluish-green dotted line, squares. */
  REGION(ChartStyle.BLUISH_GREEN, ChartStyle.DOTTED, ChartStyle.square(6), false),
  /** Statistical neighbours' mean: orange line, squares. */
  NEIGHBOURS_MEAN(ChartStyle.ORANGE, ChartStyle.LINE, ChartStyle.square(7), false),
  /** Anything else: reddish-purple line, circles. */
  OTHER(ChartStyle.REDDISH_PURPLE, ChartStyle.LINE, ChartStyle.circle(7), false);

  private final Color colour;
  private final Stroke stroke;
  private final Shape shape;
  private final boolean individual;

  SeriesRole(Color colour, Stroke stroke, Shape shape, boolean individual) {
    this.colour = colour;
    this.stroke = stroke;
    this.shape = shape;
    this.individual = individual;
  }

  /** The line and marker colour (individual LAs are drawn with it at 40% opacity). */
  public Color colour() {
    return individual
        ? new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 102)
        : colour;
  }

  Stroke stroke() {
    return stroke;
  }

  Shape shape() {
    return shape;
  }

  /** True for one LA among many ({@link #PILOT}, {@link #COMPARATOR}). */
  public boolean individual() {
    return individual;
  }

  /** Lower-case name for tables, e.g. {@code "pilot_mean"}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
