package org.soseval.pipeline.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.font.FontRenderContext;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.soseval.pipeline.stats.compare.BenchmarkComparison;

/**
 * The house chart style: fonts, colours, strokes and the theme every chart is given.
 *
 * <p>Series colours are the Okabe-Ito colour-blind-safe palette (Okabe &amp; Ito 2008, "Color
 * Universal Design"); comparison colours are the Fingertips ones held by {@link
 * BenchmarkComparison}. Fonts are the logical {@code SansSerif} family (DejaVu Sans on the build
 * image), at least 11 pt at the 800 × 500 design size.
 */
public final class ChartStyle {
  /** Design width in points; PNGs are written at {@link ChartWriter#DEFAULT_SCALE} times this. */
  public static final int DESIGN_WIDTH = 800;

  /** Design height in points. */
  public static final int DESIGN_HEIGHT = 500;

  public static final Color BLACK = new Color(0x000000);
  public static final Color ORANGE = new Color(0xE69F00);
  public static final Color SKY_BLUE = new Color(0x56B4E9);
  public static final Color BLUISH_GREEN = new Color(0x009E73);
  public static final Color YELLOW = new Color(0xF0E442);
  public static final Color BLUE = new Color(0x0072B2);
  public static final Color VERMILLION = new Color(0xD55E00);
  public static final Color REDDISH_PURPLE = new Color(0xCC79A7);

  /** The Okabe-Ito palette in its usual order. */
  public static final List<Color> OKABE_ITO =
      List.of(BLACK, ORANGE, SKY_BLUE, BLUISH_GREEN, YELLOW, BLUE, VERMILLION, REDDISH_PURPLE);

  /**
   * Colours of unordered series (waves, rounds, groups), in order: Okabe-Ito without black and
   * yellow, which are kept for reference lines and read poorly on white.
   */
  public static final List<Color> SERIES =
      List.of(ORANGE, BLUE, BLUISH_GREEN, VERMILLION, REDDISH_PURPLE, SKY_BLUE);

  /** Mid grey for reference lines and limits. */
  public static final Color GREY = new Color(0x595959);

  /** Light grey for shaded periods and ranges. */
  public static final Color SHADE = new Color(0xE6E6E6);

  /**
   * Evidence-quality levels 0-4 as one blue hue from pale to dark (a sequential scale, safe for
   * colour-blind readers; the level is always written too).
   */
  public static final List<Color> LEVELS =
      List.of(
          tint(BLUE, 0.06), tint(BLUE, 0.22), tint(BLUE, 0.42), tint(BLUE, 0.7), tint(BLUE, 1.0));

  static final Color TRANSPARENT = new Color(255, 255, 255, 0);
  static final Color GRID = new Color(0xD9D9D9);
  static final String FAMILY = Font.SANS_SERIF;
  static final Font TITLE_FONT = new Font(FAMILY, Font.BOLD, 16);
  static final Font SUBTITLE_FONT = new Font(FAMILY, Font.PLAIN, 12);
  static final Font AXIS_LABEL_FONT = new Font(FAMILY, Font.PLAIN, 13);
  static final Font TICK_FONT = new Font(FAMILY, Font.PLAIN, 12);
  static final Font TICK_BOLD_FONT = new Font(FAMILY, Font.BOLD, 12);
  static final Font LEGEND_FONT = new Font(FAMILY, Font.PLAIN, 12);
  static final Font ANNOTATION_FONT = new Font(FAMILY, Font.PLAIN, 11);

  static final Stroke LINE = new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  static final Stroke THIN_LINE =
      new BasicStroke(1.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  static final Stroke DASHED =
      new BasicStroke(
          2.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 4f}, 0f);
  static final Stroke DOTTED =
      new BasicStroke(
          2.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {2f, 3f}, 0f);
  static final Stroke REFERENCE =
      new BasicStroke(
          1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f);

  private ChartStyle() {}

  /** The Fingertips colour of a comparison, e.g. {@code #92D050} for Better. */
  public static Color colour(BenchmarkComparison comparison) {
    return Color.decode(comparison.colour());
  }

  /** {@code colour} mixed with white: 0 = white, 1 = the colour itself. */
  static Color tint(Color colour, double amount) {
    return new Color(
        (int) Math.round(255 + (colour.getRed() - 255) * amount),
        (int) Math.round(255 + (colour.getGreen() - 255) * amount),
        (int) Math.round(255 + (colour.getBlue() - 255) * amount));
  }

  /** Black or white, whichever reads better on {@code background} (WCAG relative luminance). */
  static Color textOn(Color background) {
    double luminance =
        0.2126 * linear(background.getRed())
            + 0.7152 * linear(background.getGreen())
            + 0.0722 * linear(background.getBlue());
    // contrast with white (1.05 / (L + 0.05)) against contrast with black ((L + 0.05) / 0.05)
    return 1.05 / (luminance + 0.05) > (luminance + 0.05) / 0.05 ? Color.WHITE : BLACK;
  }

  private static double linear(int channel) {
    double c = channel / 255.0;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }

  /** Markers of unordered series, so that series differ by shape as well as colour. */
  static Shape seriesShape(int index) {
    double size = 10;
    return switch (index % 4) {
      case 0 -> circle(size);
      case 1 -> square(size * 0.9);
      case 2 -> diamond(size * 1.2);
      default -> triangle(size * 1.1);
    };
  }

  static Shape diamond(double size) {
    double h = size / 2;
    Path2D.Double path = new Path2D.Double();
    path.moveTo(0, -h);
    path.lineTo(h, 0);
    path.lineTo(0, h);
    path.lineTo(-h, 0);
    path.closePath();
    return path;
  }

  static Shape triangle(double size) {
    double h = size / 2;
    Path2D.Double path = new Path2D.Double();
    path.moveTo(0, -h);
    path.lineTo(h, h);
    path.lineTo(-h, h);
    path.closePath();
    return path;
  }

  /** A circle of the given diameter centred on the origin. */
  static Shape circle(double diameter) {
    return new Ellipse2D.Double(-diameter / 2, -diameter / 2, diameter, diameter);
  }

  /** A square of the given side centred on the origin. */
  static Shape square(double side) {
    return new Rectangle2D.Double(-side / 2, -side / 2, side, side);
  }

  /** Title, fonts, white backgrounds, grid and legend at the bottom. */
  static JFreeChart chart(String title, Plot plot, boolean legend) {
    JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, legend);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.setPadding(new RectangleInsets(8, 8, 8, 12));
    chart.getTitle().setHorizontalAlignment(HorizontalAlignment.LEFT);
    chart.getTitle().setTextAlignment(HorizontalAlignment.LEFT);
    chart.getTitle().setMargin(new RectangleInsets(0, 4, 6, 0));
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    if (plot instanceof XYPlot xy) {
      xy.setDomainGridlinePaint(GRID);
      xy.setRangeGridlinePaint(GRID);
      xy.setDomainGridlineStroke(THIN_LINE);
      xy.setRangeGridlineStroke(THIN_LINE);
      xy.setAxisOffset(RectangleInsets.ZERO_INSETS);
      for (int i = 0; i < xy.getDomainAxisCount(); i++) {
        axis(xy.getDomainAxis(i));
      }
      for (int i = 0; i < xy.getRangeAxisCount(); i++) {
        axis(xy.getRangeAxis(i));
      }
    }
    if (plot instanceof CategoryPlot category) {
      category.setDomainGridlinesVisible(false);
      category.setRangeGridlinePaint(GRID);
      category.setRangeGridlineStroke(THIN_LINE);
      category.setAxisOffset(RectangleInsets.ZERO_INSETS);
      category.setOutlineVisible(false);
      axis(category.getRangeAxis());
    }
    LegendTitle legendTitle = chart.getLegend();
    if (legendTitle != null) {
      legendTitle.setItemFont(LEGEND_FONT);
      legendTitle.setFrame(BlockBorder.NONE);
      legendTitle.setPosition(RectangleEdge.BOTTOM);
      legendTitle.setMargin(new RectangleInsets(6, 0, 0, 0));
    }
    return chart;
  }

  static void axis(ValueAxis axis) {
    if (axis == null) {
      return;
    }
    axis.setLabelFont(AXIS_LABEL_FONT);
    axis.setTickLabelFont(TICK_FONT);
    axis.setLabelPaint(BLACK);
    axis.setTickLabelPaint(BLACK);
    axis.setAxisLinePaint(GREY);
    axis.setTickMarkPaint(GREY);
  }

  /**
   * The row axis of a horizontal chart: one row per category, labels on the left wrapped to at most
   * two lines within 40% of the chart's width.
   */
  static CategoryAxis rowAxis() {
    CategoryAxis axis = new CategoryAxis();
    axis.setTickLabelFont(TICK_FONT);
    axis.setTickLabelPaint(BLACK);
    axis.setAxisLineVisible(false);
    axis.setTickMarksVisible(false);
    axis.setMaximumCategoryLabelLines(2);
    axis.setMaximumCategoryLabelWidthRatio(0.4f);
    axis.setCategoryMargin(0.25);
    axis.setLowerMargin(0.02);
    axis.setUpperMargin(0.02);
    return axis;
  }

  /**
   * The design height of a horizontal chart with {@code rows} rows of {@code rowHeight} points each
   * plus {@code chrome} points of title, axis, legend and notes, rounded up to a multiple of
   * {@value Chart#HEIGHT_STEP} points (so that a page can size it from a short list of classes): at
   * least the standard height, at most {@link Chart#MAX_HEIGHT}.
   */
  static int heightFor(int rows, double rowHeight, int chrome) {
    int height =
        (int) (Math.ceil((chrome + rows * rowHeight) / Chart.HEIGHT_STEP) * Chart.HEIGHT_STEP);
    return Math.max(DESIGN_HEIGHT, Math.min(Chart.MAX_HEIGHT, height));
  }

  /** The 1-2-5 step (…, 0.5, 1, 2, 5, 10, …) nearest above {@code rough}, for tick units. */
  static double niceStep(double rough) {
    double power = Math.pow(10, Math.floor(Math.log10(rough)));
    double mantissa = rough / power;
    return power * (mantissa <= 1 ? 1 : mantissa <= 2 ? 2 : mantissa <= 5 ? 5 : 10);
  }

  /** Moves the legend from the bottom to just under the title, left aligned. */
  static void legendOnTop(JFreeChart chart) {
    LegendTitle legend = chart.getLegend();
    legend.setPosition(RectangleEdge.TOP);
    legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
    legend.setMargin(new RectangleInsets(0, 0, 6, 0));
  }

  /** Notes under the chart, top to bottom in the order given. */
  static void notes(JFreeChart chart, List<String> notes) {
    for (int i = notes.size() - 1; i >= 0; i--) {
      chart.addSubtitle(note(notes.get(i), RectangleEdge.BOTTOM));
    }
  }

  /** A subtitle line below the title (or at the bottom), left aligned. */
  static TextTitle note(String text, RectangleEdge edge) {
    TextTitle note = new TextTitle(text, SUBTITLE_FONT);
    note.setPosition(edge);
    note.setHorizontalAlignment(HorizontalAlignment.LEFT);
    note.setTextAlignment(HorizontalAlignment.LEFT);
    note.setPaint(BLACK);
    note.setMargin(new RectangleInsets(2, 4, 4, 0));
    return note;
  }

  /** A legend entry drawn as a line (none when {@code stroke} is null) and/or a marker. */
  static LegendItem lineItem(String label, Paint paint, Stroke stroke, Shape marker) {
    Shape line = new Line2D.Double(-12, 0, 12, 0);
    return new LegendItem(
        label,
        label,
        null,
        null,
        marker != null,
        marker == null ? circle(1) : marker,
        true,
        paint,
        false,
        paint,
        THIN_LINE,
        stroke != null,
        line,
        stroke == null ? THIN_LINE : stroke,
        paint);
  }

  /** A legend entry drawn as a filled marker with a dark outline. */
  static LegendItem shapeItem(String label, Shape shape, Paint fill) {
    return new LegendItem(
        label,
        label,
        null,
        null,
        true,
        shape,
        true,
        fill,
        true,
        GREY,
        THIN_LINE,
        false,
        new Line2D.Double(),
        THIN_LINE,
        fill);
  }

  /** A legend entry drawn as a filled box (for shaded areas). */
  static LegendItem boxItem(String label, Paint fill) {
    return shapeItem(label, new Rectangle2D.Double(-8, -6, 16, 12), fill);
  }

  static LegendItemCollection legend(List<LegendItem> items) {
    LegendItemCollection collection = new LegendItemCollection();
    items.forEach(collection::add);
    return collection;
  }

  /** A year axis: whole years only, labelled by {@code format}, with half a year either side. */
  static NumberAxis yearAxis(String label, YearFormat format, int first, int last) {
    NumberAxis axis = new NumberAxis(label);
    TickUnits units = new TickUnits();
    NumberFormat labels = new YearLabels(format);
    for (int step : new int[] {1, 2, 5, 10, 20, 50}) {
      units.add(new NumberTickUnit(step, labels));
    }
    axis.setStandardTickUnits(units);
    axis.setAutoRangeIncludesZero(false);
    axis.setRange(first - 0.5, last + 0.5);
    axis.setMinorTickMarksVisible(false);
    return axis;
  }

  /** A value axis that starts at zero only when asked. */
  /**
   * The length, in design pixels, that a vertical value-axis label can take on a chart of {@link
   * #DESIGN_HEIGHT} with a title, a legend, an axis and a line of notes: a longer label runs past
   * the plot into the title.
   */
  static final double VERTICAL_LABEL_ROOM = 330;

  /** Whether {@code label} in {@link #AXIS_LABEL_FONT} is at most {@code length} pixels long. */
  static boolean fits(String label, double length) {
    FontRenderContext context = new FontRenderContext(null, true, true);
    return AXIS_LABEL_FONT.getStringBounds(label, context).getWidth() <= length;
  }

  /**
   * A vertical value axis's label that fits beside the plot: {@code label} when it fits, else only
   * the unit told from {@code indicator}, since the chart's title names the indicator: "Per 10,000
   * children" or "Percent", and for a change "Difference (per 10,000 children)" or "Difference
   * (percentage points)"; {@code label} when the indicator's label says no unit.
   */
  static String verticalLabel(String label, String indicator, boolean change) {
    if (fits(label, VERTICAL_LABEL_ROOM)) {
      return label;
    }
    Optional<String> unit = Optional.empty();
    int per = indicator.indexOf(" per ");
    if (per >= 0) {
      unit = Optional.of(indicator.substring(per + 1));
    } else if (indicator.toLowerCase(Locale.ROOT).startsWith("percentage")) {
      unit = Optional.of(change ? "percentage points" : "percent");
    }
    return unit.map(
            u ->
                change
                    ? "Difference (" + u + ")"
                    : Character.toUpperCase(u.charAt(0)) + u.substring(1))
        .orElse(label);
  }

  static NumberAxis valueAxis(String label, boolean includeZero) {
    NumberAxis axis = new NumberAxis(label);
    axis.setAutoRangeIncludesZero(includeZero);
    axis.setAutoRangeStickyZero(includeZero);
    axis.setNumberFormatOverride(Formats.tickFormat());
    return axis;
  }

  /** Formats whole-number axis values as year labels; non-whole values as blank. */
  private static final class YearLabels extends NumberFormat {
    private static final long serialVersionUID = 1L;
    private final YearFormat format;

    YearLabels(YearFormat format) {
      this.format = format;
    }

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
      long rounded = Math.round(number);
      if (Math.abs(number - rounded) < 1e-9) {
        toAppendTo.append(format.label((int) rounded));
      }
      return toAppendTo;
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
      return toAppendTo.append(format.label((int) number));
    }

    @Override
    public Number parse(String source, ParsePosition parsePosition) {
      throw new UnsupportedOperationException("year labels are not parsed");
    }
  }
}
