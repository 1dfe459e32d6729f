package org.soseval.pipeline.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.annotations.XYPointerAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Event-study estimates by period relative to go-live (users.md §4.2: "DiD or event-study plots …
 * with coefficients, 95% confidence intervals"): a point and error bar per period, blue before
 * go-live and vermillion from go-live; a horizontal zero line; a dashed go-live line between
 * periods -1 and 0; the reference period as a hollow point at 0, labelled "Reference".
 *
 * <p>The table has one row per period including the reference: {@code relative_time, estimate,
 * lower, upper, level, period} with period {@code before}, {@code after} or {@code reference}.
 */
public final class EventStudyChart {
  static final String BEFORE = "Before go-live";
  static final String AFTER = "From go-live";
  static final String REFERENCE = "Reference period (fixed at 0)";

  private EventStudyChart() {}

  /** Builds the chart named {@code name}. */
  public static Chart of(String name, EventStudyData data) {
    String level = Formats.level(data.level());
    YIntervalSeries before = new YIntervalSeries(BEFORE);
    YIntervalSeries after = new YIntervalSeries(AFTER);
    YIntervalSeries reference = new YIntervalSeries(REFERENCE);
    for (EventStudyPoint point : data.points()) {
      (point.relativeTime() < 0 ? before : after)
          .add(point.relativeTime(), point.estimate(), point.lower(), point.upper());
    }
    reference.add(data.referenceTime(), 0, 0, 0);
    YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
    dataset.addSeries(before);
    dataset.addSeries(after);
    dataset.addSeries(reference);

    XYErrorRenderer renderer = new XYErrorRenderer();
    renderer.setDrawXError(false);
    renderer.setDrawYError(true);
    renderer.setDefaultLinesVisible(false);
    renderer.setDefaultShapesVisible(true);
    renderer.setErrorStroke(ChartStyle.LINE);
    renderer.setCapLength(10);
    renderer.setSeriesPaint(0, ChartStyle.BLUE);
    renderer.setSeriesPaint(1, ChartStyle.VERMILLION);
    renderer.setSeriesPaint(2, Color.WHITE);
    renderer.setSeriesShape(0, ChartStyle.circle(10));
    renderer.setSeriesShape(1, ChartStyle.circle(10));
    renderer.setSeriesShape(2, ChartStyle.circle(10));
    renderer.setUseOutlinePaint(true);
    renderer.setSeriesOutlinePaint(0, ChartStyle.BLUE);
    renderer.setSeriesOutlinePaint(1, ChartStyle.VERMILLION);
    renderer.setSeriesOutlinePaint(2, ChartStyle.BLACK);
    renderer.setDefaultOutlineStroke(new BasicStroke(1.5f));

    int first = Math.min(data.referenceTime(), data.points().get(0).relativeTime());
    int last =
        Math.max(data.referenceTime(), data.points().get(data.points().size() - 1).relativeTime());
    NumberAxis xAxis =
        new NumberAxis(
            capitalise(data.unit()) + "s relative to go-live (0 = go-live " + data.unit() + ")");
    TickUnits units = new TickUnits();
    for (int step : new int[] {1, 2, 5, 10}) {
      units.add(new NumberTickUnit(step, new SignedInteger()));
    }
    xAxis.setStandardTickUnits(units);
    xAxis.setRange(first - 0.5, last + 0.5);
    NumberAxis yAxis = ChartStyle.valueAxis(valueLabel(data.outcome()), true);
    XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);

    ValueMarker zero = new ValueMarker(0, ChartStyle.BLACK, ChartStyle.THIN_LINE);
    plot.addRangeMarker(zero, Layer.BACKGROUND);
    if (first < 0 && last >= 0) {
      ValueMarker goLive = new ValueMarker(-0.5, ChartStyle.GREY, ChartStyle.REFERENCE);
      goLive.setLabel("Go-live");
      goLive.setLabelFont(ChartStyle.ANNOTATION_FONT);
      goLive.setLabelPaint(ChartStyle.BLACK);
      goLive.setLabelBackgroundColor(ChartStyle.TRANSPARENT);
      goLive.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
      goLive.setLabelTextAnchor(TextAnchor.TOP_LEFT);
      goLive.setLabelOffset(new RectangleInsets(4, 4, 4, 4));
      plot.addDomainMarker(goLive, Layer.BACKGROUND);
    }
    plot.addAnnotation(label("Reference", data.referenceTime(), 0, Math.PI / 2));

    List<LegendItem> legend = new ArrayList<>();
    if (before.getItemCount() > 0) {
      legend.add(errorItem(BEFORE + " (" + level + " CI)", ChartStyle.BLUE));
    }
    if (after.getItemCount() > 0) {
      legend.add(errorItem(AFTER + " (" + level + " CI)", ChartStyle.VERMILLION));
    }
    legend.add(
        new LegendItem(
            REFERENCE,
            REFERENCE,
            null,
            null,
            true,
            ChartStyle.circle(10),
            true,
            Color.WHITE,
            true,
            ChartStyle.BLACK,
            new BasicStroke(1.5f),
            false,
            ChartStyle.circle(1),
            ChartStyle.THIN_LINE,
            Color.WHITE));
    plot.setFixedLegendItems(ChartStyle.legend(legend));

    JFreeChart chart = ChartStyle.chart(data.title(), plot, true);
    missingNote(data).ifPresent(note -> ChartStyle.notes(chart, List.of(note)));
    return new Chart(name, data.title(), chart, table(data), altText(data));
  }

  /**
   * The value axis's label: "Difference in section 47 enquiries per 10,000 children" when it fits
   * beside the plot, else "Difference (per 10,000 children)" or "Difference (percentage points)"
   * ({@link ChartStyle#verticalLabel}).
   */
  static String valueLabel(String outcome) {
    return ChartStyle.verticalLabel("Difference in " + lowerFirst(outcome), outcome, true);
  }

  /**
   * "Year 0 has no estimate: it is not in the model." for periods inside the axis range without an
   * estimate and other than the reference (the implementation year when it is left out), so that an
   * empty column is not read as an estimate of zero or as a missing drawing.
   */
  static Optional<String> missingNote(EventStudyData data) {
    int first = Math.min(data.referenceTime(), data.points().get(0).relativeTime());
    int last =
        Math.max(data.referenceTime(), data.points().get(data.points().size() - 1).relativeTime());
    List<String> missing = new ArrayList<>();
    for (int t = first; t <= last; t++) {
      int time = t;
      if (time != data.referenceTime()
          && data.points().stream().noneMatch(p -> p.relativeTime() == time)) {
        missing.add(signed(time));
      }
    }
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    boolean one = missing.size() == 1;
    return Optional.of(
        capitalise(data.unit())
            + (one ? " " : "s ")
            + String.join(", ", missing)
            + (one ? " has no estimate: it is" : " have no estimate: they are")
            + " not in the model.");
  }

  /**
   * A text label next to a data point, offset by a fixed distance in the direction {@code angle}
   * (radians, Java2D: 0 = right, π/2 = down), with no visible arrow.
   */
  static XYPointerAnnotation label(String text, double x, double y, double angle) {
    XYPointerAnnotation label = new XYPointerAnnotation(text, x, y, angle);
    label.setTipRadius(7);
    label.setBaseRadius(8);
    label.setArrowLength(0.1);
    label.setArrowWidth(0.1);
    label.setArrowPaint(ChartStyle.TRANSPARENT);
    label.setLabelOffset(3);
    label.setFont(ChartStyle.ANNOTATION_FONT);
    label.setPaint(ChartStyle.BLACK);
    label.setBackgroundPaint(null);
    label.setOutlineVisible(false);
    label.setTextAnchor(
        Math.abs(angle - Math.PI / 2) < 1e-9
            ? TextAnchor.TOP_CENTER
            : Math.abs(angle + Math.PI / 2) < 1e-9
                ? TextAnchor.BOTTOM_CENTER
                : Math.cos(angle) >= 0
                    ? TextAnchor.HALF_ASCENT_LEFT
                    : TextAnchor.HALF_ASCENT_RIGHT);
    return label;
  }

  private static LegendItem errorItem(String label, Color colour) {
    return ChartStyle.lineItem(label, colour, ChartStyle.LINE, ChartStyle.circle(10));
  }

  private static DataTable table(EventStudyData data) {
    DataTable.Builder table =
        DataTable.builder("relative_time", "estimate", "lower", "upper", "level", "period");
    String level = DataTable.number(data.level());
    boolean referenceWritten = false;
    for (EventStudyPoint point : data.points()) {
      if (!referenceWritten && point.relativeTime() > data.referenceTime()) {
        table.row(Integer.toString(data.referenceTime()), "0", "", "", level, "reference");
        referenceWritten = true;
      }
      table.row(
          Integer.toString(point.relativeTime()),
          DataTable.number(point.estimate()),
          DataTable.number(point.lower()),
          DataTable.number(point.upper()),
          level,
          point.relativeTime() < 0 ? "before" : "after");
    }
    if (!referenceWritten) {
      table.row(Integer.toString(data.referenceTime()), "0", "", "", level, "reference");
    }
    return table.build();
  }

  private static String altText(EventStudyData data) {
    String level = Formats.level(data.level());
    List<EventStudyPoint> before =
        data.points().stream().filter(p -> p.relativeTime() < 0).toList();
    List<EventStudyPoint> after =
        data.points().stream().filter(p -> p.relativeTime() >= 0).toList();
    int first = Math.min(data.referenceTime(), data.points().get(0).relativeTime());
    int last =
        Math.max(data.referenceTime(), data.points().get(data.points().size() - 1).relativeTime());
    StringBuilder text = new StringBuilder();
    text.append("Event study of ")
        .append(lowerFirst(data.outcome()))
        .append(": estimates with ")
        .append(level)
        .append(" confidence intervals for ")
        .append(data.unit())
        .append("s ")
        .append(signed(first))
        .append(" to ")
        .append(signed(last))
        .append(" relative to go-live, each compared with ")
        .append(data.unit())
        .append(' ')
        .append(signed(data.referenceTime()))
        .append(" (fixed at 0).");
    if (!before.isEmpty()) {
      long excluding = before.stream().filter(EventStudyPoint::excludesZero).count();
      text.append(" Before go-live, ")
          .append(excluding)
          .append(" of ")
          .append(before.size())
          .append(" intervals exclude zero.");
    }
    if (!after.isEmpty()) {
      double min = after.stream().mapToDouble(EventStudyPoint::estimate).min().orElseThrow();
      double max = after.stream().mapToDouble(EventStudyPoint::estimate).max().orElseThrow();
      long excluding = after.stream().filter(EventStudyPoint::excludesZero).count();
      text.append(" From go-live, estimates range from ")
          .append(Formats.display(min))
          .append(" to ")
          .append(Formats.display(max))
          .append(" and ")
          .append(excluding)
          .append(" of ")
          .append(after.size())
          .append(" intervals exclude zero.");
    }
    missingNote(data).ifPresent(note -> text.append(' ').append(note));
    return text.toString();
  }

  static String signed(int value) {
    return value > 0 ? "+" + value : Integer.toString(value);
  }

  static String capitalise(String text) {
    return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
  }

  /** Lower-cases the first letter unless the text starts with an acronym ("ICPC rate"). */
  static String lowerFirst(String text) {
    if (text.length() > 1 && Character.isUpperCase(text.charAt(1))) {
      return text; // an acronym such as "ICPC rate"
    }
    return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
  }

  /** Integer tick labels with an explicit sign: -2, -1, 0, +1. */
  private static final class SignedInteger extends NumberFormat {
    private static final long serialVersionUID = 1L;

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
      long rounded = Math.round(number);
      if (Math.abs(number - rounded) < 1e-9) {
        toAppendTo.append(signed((int) rounded));
      }
      return toAppendTo;
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
      return toAppendTo.append(signed((int) number));
    }

    @Override
    public Number parse(String source, ParsePosition parsePosition) {
      throw new UnsupportedOperationException("tick labels are not parsed");
    }
  }
}
