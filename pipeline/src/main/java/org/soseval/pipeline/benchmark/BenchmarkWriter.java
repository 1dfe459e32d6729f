package org.soseval.pipeline.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.soseval.pipeline.geography.LaCodeEntry;
import org.soseval.pipeline.panel.Indicator;
import org.soseval.pipeline.publish.EesFile;
import org.soseval.pipeline.publish.EesFile.Column;
import org.soseval.pipeline.publish.EesWriter;

/**
 * Writes a benchmark pack as {@code publish/benchmark_<la>.csv} (EES layout, with its {@code
 * .meta.csv}) and a short self-contained HTML page {@code benchmark_<la>.html} for the latest year.
 * Values are rounded for display as DfE publishes them; everything is an aggregate.
 */
public final class BenchmarkWriter {
  private static final List<Column> COLUMNS =
      List.of(
          Column.filter("indicator", "Indicator"),
          Column.indicator("value", "Value for the LA", "LA", "", 1),
          Column.indicator("england_value", "England", "Comparators", "", 1),
          Column.indicator("region_value", "Region", "Comparators", "", 1),
          Column.indicator("neighbours_mean", "Statistical neighbours' mean", "Comparators", "", 1),
          Column.indicator(
              "neighbours_median", "Statistical neighbours' median", "Comparators", "", 1),
          Column.indicator("neighbours_with_data", "Neighbours with data", "Comparators", "", 0),
          Column.indicator("rank", "Rank among LAs (1 = best)", "Position", "", 0),
          Column.indicator("ranked_las", "LAs ranked", "Position", "", 0),
          Column.filter("quartile_band", "Quartile band (A = best quarter)"),
          Column.indicator(
              "change_from_previous_year", "Change from the previous year", "Trend", "", 1),
          Column.filter("recent_trend", "Recent trend (5-point chi-square test)"),
          Column.filter("compared_with_england", "Compared with England (95% interval)"),
          Column.filter("funnel_position", "Funnel plot position"));

  private BenchmarkWriter() {}

  /** The files written. */
  public record Written(Path data, Path html) {}

  public static Written write(BenchmarkPack pack, Path out) {
    LaCodeEntry la = pack.la();
    Path data = out.resolve("publish").resolve("benchmark_" + la.oldLaCode() + ".csv");
    List<List<String>> rows = new ArrayList<>();
    for (BenchmarkPack.Row row : pack.rows()) {
      List<String> cells = new ArrayList<>();
      cells.add(Integer.toString(row.year()));
      cells.add("Reporting year");
      cells.add("Local authority");
      cells.add("E92000001");
      cells.add("England");
      cells.add(la.regionCode());
      cells.add(la.regionName());
      cells.add(la.oldLaCode());
      cells.add(la.newLaCode());
      cells.add(la.name());
      Indicator indicator = row.indicator();
      cells.add(indicator.column());
      cells.add(EesWriter.format(row.value(), indicator.kind()));
      cells.add(display(row.england(), indicator));
      cells.add(display(row.region(), indicator));
      cells.add(display(row.neighboursMean(), indicator));
      cells.add(display(row.neighboursMedian(), indicator));
      cells.add(Integer.toString(row.neighboursWithData()));
      cells.add(whole(row.rank()));
      cells.add(Integer.toString(row.rankedAuthorities()));
      cells.add(row.quartileBand().orElse("Not ranked"));
      cells.add(display(row.change(), indicator));
      cells.add(row.trend().label());
      cells.add(row.comparedWithEngland().label());
      cells.add(row.funnel().map(f -> f.label()).orElse("Not applicable"));
      rows.add(cells);
    }
    EesFile.write(data, COLUMNS, rows);
    Path html = out.resolve("benchmark_" + la.oldLaCode() + ".html");
    try {
      Files.writeString(html, html(pack), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + html, e);
    }
    return new Written(data, html);
  }

  private static String display(OptionalDouble value, Indicator indicator) {
    if (value.isEmpty()) {
      return "x";
    }
    int places = indicator.kind() == Indicator.Kind.COUNT ? 0 : 1;
    return BigDecimal.valueOf(value.getAsDouble())
        .setScale(places, RoundingMode.HALF_UP)
        .toPlainString();
  }

  private static String whole(OptionalInt value) {
    return value.isPresent() ? Integer.toString(value.getAsInt()) : "x";
  }

  private static String html(BenchmarkPack pack) {
    int latest = pack.rows().stream().mapToInt(BenchmarkPack.Row::year).max().orElse(0);
    LaCodeEntry la = pack.la();
    StringBuilder page = new StringBuilder();
    page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>")
        .append(escape(la.name()))
        .append(" benchmark ")
        .append(latest)
        .append("</title>\n<style>\n")
        .append("body{font-family:Arial,Helvetica,sans-serif;margin:2em;max-width:70em}\n")
        .append("table{border-collapse:collapse}td,th{border:1px solid #999;padding:.3em .5em}\n")
        .append("td.n{text-align:right}\n</style>\n</head>\n<body>\n<h1>")
        .append(escape(la.name()))
        .append(" (")
        .append(la.oldLaCode())
        .append(") compared with England, ")
        .append(escape(la.regionName()))
        .append(" and its statistical neighbours, reporting year ")
        .append(latest)
        .append("</h1>\n<p>Statistical neighbours (DfE ")
        .append(pack.neighboursModel())
        .append(" model): ")
        .append(escape(String.join(", ", pack.neighbours())))
        .append(
            ". Rates are per 10,000 children aged 0-17. Source: DfE published statistics;"
                + " contains public sector information licensed under the Open Government Licence"
                + " v3.0.</p>\n")
        .append("<table>\n<thead><tr><th>Indicator</th><th>")
        .append(escape(la.name()))
        .append("</th><th>England</th><th>Region</th><th>Neighbours (mean)</th>")
        .append("<th>Rank</th><th>Band</th><th>Trend</th><th>Compared with England</th>")
        .append("</tr></thead>\n<tbody>\n");
    for (BenchmarkPack.Row row : pack.rows()) {
      if (row.year() != latest) {
        continue;
      }
      Indicator indicator = row.indicator();
      page.append("<tr><td>")
          .append(escape(indicator.label()))
          .append("</td><td class=\"n\">")
          .append(EesWriter.format(row.value(), indicator.kind()))
          .append("</td><td class=\"n\">")
          .append(display(row.england(), indicator))
          .append("</td><td class=\"n\">")
          .append(display(row.region(), indicator))
          .append("</td><td class=\"n\">")
          .append(display(row.neighboursMean(), indicator))
          .append(" (")
          .append(row.neighboursWithData())
          .append(")</td><td class=\"n\">")
          .append(whole(row.rank()))
          .append(" of ")
          .append(row.rankedAuthorities())
          .append("</td><td>")
          .append(row.quartileBand().orElse(""))
          .append("</td><td>")
          .append(escape(row.trend().label()))
          .append("</td><td style=\"background:")
          .append(row.comparedWithEngland().colour())
          .append("\">")
          .append(escape(row.comparedWithEngland().label()))
          .append("</td></tr>\n");
    }
    page.append("</tbody>\n</table>\n</body>\n</html>\n");
    return page.toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
