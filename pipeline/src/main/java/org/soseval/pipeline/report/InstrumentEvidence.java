package org.soseval.pipeline.report;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import org.soseval.pipeline.charts.Chart;
import org.soseval.pipeline.charts.CostBar;
import org.soseval.pipeline.charts.CostChart;
import org.soseval.pipeline.charts.CostData;
import org.soseval.pipeline.charts.DotPlotChart;
import org.soseval.pipeline.charts.DotPlotData;
import org.soseval.pipeline.charts.DotPlotPoint;
import org.soseval.pipeline.charts.LikertChart;
import org.soseval.pipeline.charts.LikertData;
import org.soseval.pipeline.charts.LikertItem;
import org.soseval.pipeline.instruments.InstrumentSchema;
import org.soseval.pipeline.stats.disclosure.PublishedValue;
import org.soseval.pipeline.stats.disclosure.Symbol;

/**
 * The report's instrument figures, drawn from the tables the instrument analysis published under
 * {@code publish/} (docs/instruments.md), that is from the values that passed disclosure control: a
 * suppressed cell is drawn and tabled as its symbol ({@code c}), never as zero, and every number in
 * the sentences is a published cell. Pooled (national) rows per comparison group are shown for
 * surveys, audits and self-ratings; LA rows for costs.
 *
 * <ul>
 *   <li>Implementation and fidelity: self-ratings by element and wave ({@code
 *       implementation_ratings.csv}); case-audit criteria met with Wilson intervals by round
 *       ({@code audit_criteria.csv}).
 *   <li>Costs: each LA's costs by category in one price year ({@code costs.csv}).
 *   <li>Mechanisms: percent agreeing with each survey item with Wilson intervals, by group and wave
 *       ({@code survey_items.csv}), one figure per survey; then, when {@code survey_responses.csv}
 *       is published, the survey's diverging bars of the five answers at each group's latest wave.
 * </ul>
 */
final class InstrumentEvidence {
  static final String RATINGS = "implementation_ratings.csv";
  static final String AUDITS = "audit_criteria.csv";
  static final String SURVEYS = "survey_items.csv";
  static final String ANSWERS = "survey_responses.csv";

  /** The {@code response} filter's values of {@link #ANSWERS}, strongly disagree first. */
  private static final List<String> RESPONSES =
      List.of("strongly_disagree", "disagree", "neither", "agree", "strongly_agree");

  static final String COSTS = "costs.csv";
  private static final double LEVEL = 0.95;
  private static final String TOTAL = "Total";
  private static final String ALL_ELEMENTS = "All elements (mean)";

  private InstrumentEvidence() {}

  /** The figures of each section; a list is empty when its tables were not published. */
  record Figures(
      List<EvidenceFigure> implementation,
      List<EvidenceFigure> costs,
      List<EvidenceFigure> mechanisms) {
    Figures {
      implementation = List.copyOf(implementation);
      costs = List.copyOf(costs);
      mechanisms = List.copyOf(mechanisms);
    }

    static Figures none() {
      return new Figures(List.of(), List.of(), List.of());
    }
  }

  /** Reads the published instrument tables in {@code publish} and builds their figures. */
  static Figures read(Path publish) {
    List<EvidenceFigure> implementation = new ArrayList<>();
    PublishedTable.read(publish, RATINGS)
        .flatMap(InstrumentEvidence::ratings)
        .ifPresent(implementation::add);
    PublishedTable.read(publish, AUDITS)
        .flatMap(InstrumentEvidence::audits)
        .ifPresent(implementation::add);
    List<EvidenceFigure> costs = new ArrayList<>();
    PublishedTable.read(publish, COSTS).flatMap(InstrumentEvidence::costs).ifPresent(costs::add);
    List<EvidenceFigure> mechanisms = new ArrayList<>();
    Optional<PublishedTable> answers = PublishedTable.read(publish, ANSWERS);
    PublishedTable.read(publish, SURVEYS)
        .ifPresent(table -> mechanisms.addAll(surveys(table, answers)));
    return new Figures(implementation, costs, mechanisms);
  }

  /** One pooled published value with its series (group and wave or round) and row. */
  private record Cell(String row, String series, PublishedTable.Row source) {}

  /**
   * The national rows of {@code rows}, as cells labelled "Pilots, wave 1": series in published
   * order (group, then wave or round), rows in order of first appearance.
   */
  private static List<Cell> cells(
      List<PublishedTable.Row> rows,
      String period,
      String periodName,
      Function<PublishedTable.Row, String> rowLabel) {
    List<Cell> cells = new ArrayList<>();
    for (PublishedTable.Row row : rows) {
      if (row.national()) {
        cells.add(
            new Cell(
                rowLabel.apply(row),
                row.text("comparison_group") + ", " + periodName + " " + row.text(period),
                row));
      }
    }
    return cells;
  }

  private static List<String> series(List<Cell> cells) {
    Set<String> series = new LinkedHashSet<>();
    cells.forEach(cell -> series.add(cell.series()));
    return new ArrayList<>(series);
  }

  /** The group of a series label: "Pilots" of "Pilots, wave 2". */
  private static String group(String series) {
    return series.substring(0, series.lastIndexOf(", "));
  }

  /** The period of a series label: "wave 2" of "Pilots, wave 2". */
  private static String period(String series) {
    return series.substring(series.lastIndexOf(", ") + 2);
  }

  /** Each group's series, in order. */
  private static Map<String, List<String>> byGroup(List<String> series) {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    series.forEach(name -> groups.computeIfAbsent(group(name), g -> new ArrayList<>()).add(name));
    return groups;
  }

  /** Each group's last series (its latest wave or round). */
  private static List<String> latest(List<String> series) {
    return byGroup(series).values().stream().map(list -> list.get(list.size() - 1)).toList();
  }

  private static List<String> rowsOf(List<Cell> cells) {
    Set<String> rows = new LinkedHashSet<>();
    cells.forEach(cell -> rows.add(cell.row()));
    return new ArrayList<>(rows);
  }

  private static Optional<Cell> cell(List<Cell> cells, String row, String series) {
    return cells.stream().filter(c -> c.row().equals(row) && c.series().equals(series)).findFirst();
  }

  // --- implementation self-ratings -------------------------------------------------------------

  private static Optional<EvidenceFigure> ratings(PublishedTable table) {
    InstrumentSchema schema = InstrumentSchema.of(InstrumentSchema.IMPLEMENTATION_RATING);
    List<Cell> cells =
        cells(
            table.rows(),
            "wave",
            "wave",
            row ->
                row.text("element").equals(TOTAL)
                    ? ALL_ELEMENTS
                    : label(schema, row.text("element")));
    if (cells.isEmpty()) {
      return Optional.empty();
    }
    List<DotPlotPoint> points = new ArrayList<>();
    cells.forEach(c -> points.add(DotPlotPoint.of(c.row(), c.series(), c.source().value("score"))));
    Chart chart =
        DotPlotChart.of(
            "implementation-ratings",
            new DotPlotData(
                "Implementation self-ratings by element and wave",
                "elements",
                "Mean self-rating (0-10)",
                0,
                10,
                OptionalDouble.empty(),
                points,
                Optional.of(
                    "Pooled rows: the mean over LAs of each LA's mean over its raters. Source:"
                        + " publish/"
                        + RATINGS
                        + ".")));
    List<String> series = series(cells);
    List<String> headers = new ArrayList<>(List.of("Element"));
    for (String name : series) {
      String las = cell(cells, ALL_ELEMENTS, name).map(c -> c.source().text("raters")).orElse("");
      headers.add(name + (las.isEmpty() ? "" : " (" + las + " LAs)"));
    }
    List<List<String>> rows =
        wideRows(
            cells, series, c -> withChange(c.source().value("score"), c.source().value("change")));
    ReportTable numbers =
        ReportTable.of(
            "Implementation self-ratings (0-10) by element and wave, with the change since the"
                + " first wave in brackets"
                + UNROUNDED_CHANGE,
            headers,
            rows);
    return Optional.of(
        new EvidenceFigure(
            "Implementation self-ratings", ratingSentences(cells, series), chart, numbers));
  }

  private static List<String> ratingSentences(List<Cell> cells, List<String> series) {
    List<String> sentences = new ArrayList<>();
    byGroup(series)
        .forEach(
            (group, waves) -> {
              List<String> parts = new ArrayList<>();
              String las = "";
              for (String wave : waves) {
                Optional<Cell> total = cell(cells, ALL_ELEMENTS, wave);
                if (total.isPresent()) {
                  las = total.get().source().text("raters");
                  parts.add(
                      total.get().source().value("score").text()
                          + " in "
                          + period(wave)
                          + changePhrase(total.get().source().value("change"), ""));
                }
              }
              if (!parts.isEmpty()) {
                sentences.add(
                    group
                        + ": the mean self-rating over all elements ("
                        + las
                        + " LAs) was "
                        + ReportFormat.listed(parts, "and")
                        + ".");
              }
            });
    for (String wave : latest(series)) {
      List<Cell> elements =
          cells.stream()
              .filter(c -> c.series().equals(wave) && !c.row().equals(ALL_ELEMENTS))
              .filter(c -> c.source().value("score").number().isPresent())
              .toList();
      if (elements.size() > 1) {
        Extremes<Cell> range = Extremes.of(elements, c -> c.source().value("score"));
        sentences.add(
            wave
                + ": highest-rated element \""
                + range.high().row()
                + "\" ("
                + range.high().source().value("score").text()
                + "), lowest \""
                + range.low().row()
                + "\" ("
                + range.low().source().value("score").text()
                + ").");
      }
    }
    return sentences;
  }

  // --- case audits ------------------------------------------------------------------------------

  private static Optional<EvidenceFigure> audits(PublishedTable table) {
    InstrumentSchema schema = InstrumentSchema.of(InstrumentSchema.CASE_AUDIT);
    List<Cell> cells =
        cells(table.rows(), "audit_round", "round", row -> label(schema, row.text("criterion")));
    if (cells.isEmpty()) {
      return Optional.empty();
    }
    List<DotPlotPoint> points = pointsWithLimits(cells, "percent_met");
    Chart chart =
        DotPlotChart.of(
            "audit-criteria",
            new DotPlotData(
                "Case audits: cases meeting each criterion, by round",
                "audit criteria",
                "Cases meeting the criterion (% of cases where it applies)",
                0,
                100,
                OptionalDouble.of(LEVEL),
                points,
                Optional.of(
                    "Wilson 95% intervals; cases where a criterion did not apply are left out."
                        + " Source: publish/"
                        + AUDITS
                        + ".")));
    List<String> series = series(cells);
    List<String> headers = new ArrayList<>(List.of("Criterion"));
    series.forEach(name -> headers.add(name + ": % met (95% CI), cases"));
    List<String> changed =
        latest(series).stream()
            .filter(
                name ->
                    cells.stream()
                        .anyMatch(
                            c ->
                                c.series().equals(name)
                                    && !c.source().text("change_pp").equals("z")))
            .toList();
    changed.forEach(name -> headers.add(name + ": change since the first round (pp, 95% CI)"));
    List<List<String>> rows =
        wideRows(
            cells,
            series,
            c ->
                withInterval(c.source(), "percent_met", "lower_ci", "upper_ci")
                    + (c.source().value("cases_rated").number().isPresent()
                        ? ", n = " + c.source().text("cases_rated")
                        : ""));
    for (List<String> line : rows) {
      for (String name : changed) {
        line.add(
            cell(cells, line.get(0), name).map(c -> changeWithInterval(c.source())).orElse(""));
      }
    }
    ReportTable numbers =
        ReportTable.of(
            "Case audits: cases meeting each criterion, by round"
                + (changed.isEmpty() ? "" : UNROUNDED_CHANGE),
            headers,
            rows);
    List<String> sentences = new ArrayList<>();
    for (String name : latest(series)) {
      sentences.addAll(
          shareSentences(
              cells, name, "percent_met", "criteria", "met in", "of the audited cases", "round"));
    }
    return Optional.of(new EvidenceFigure("Case audits", sentences, chart, numbers));
  }

  /**
   * "Pilots, round 2: each criterion was met in between 45.0% (X) and 88.9% (Y) of the audited
   * cases; since the first round the change excluded zero for 10 of 16 criteria (all rises)."
   */
  private static List<String> shareSentences(
      List<Cell> cells,
      String series,
      String column,
      String rowKind,
      String verb,
      String of,
      String periodName) {
    List<Cell> shown =
        cells.stream()
            .filter(c -> c.series().equals(series) && c.source().value(column).number().isPresent())
            .toList();
    List<String> sentences = new ArrayList<>();
    if (shown.size() < 2) {
      return sentences;
    }
    Extremes<Cell> range = Extremes.of(shown, c -> c.source().value(column));
    StringBuilder text = new StringBuilder();
    text.append(series)
        .append(": each of ")
        .append(shown.size())
        .append(' ')
        .append(rowKind)
        .append(" was ")
        .append(verb)
        .append(" between ")
        .append(range.low().source().value(column).text())
        .append("% (\"")
        .append(range.low().row())
        .append("\") and ")
        .append(range.high().source().value(column).text())
        .append("% (\"")
        .append(range.high().row())
        .append("\") ")
        .append(of)
        .append('.');
    List<Cell> changes =
        shown.stream().filter(c -> c.source().value("change_pp").number().isPresent()).toList();
    if (!changes.isEmpty()) {
      long up =
          changes.stream()
              .filter(c -> c.source().value("change_lower_ci").number().get().signum() > 0)
              .count();
      long down =
          changes.stream()
              .filter(c -> c.source().value("change_upper_ci").number().get().signum() < 0)
              .count();
      Extremes<Cell> moved = Extremes.of(changes, c -> c.source().value("change_pp"));
      text.append(" Since the first ")
          .append(periodName)
          .append(" the change ranged from ")
          .append(ReportFormat.signed(number(moved.low().source().value("change_pp")), 1))
          .append(" to ")
          .append(ReportFormat.signed(number(moved.high().source().value("change_pp")), 1))
          .append(" percentage points; its 95% interval lies above zero for ")
          .append(up)
          .append(" and below zero for ")
          .append(down)
          .append(" of ")
          .append(changes.size())
          .append(' ')
          .append(rowKind)
          .append('.');
    }
    sentences.add(text.toString());
    return sentences;
  }

  // --- surveys ----------------------------------------------------------------------------------

  private static List<EvidenceFigure> surveys(
      PublishedTable table, Optional<PublishedTable> answers) {
    List<PublishedTable.Row> all = table.rows();
    Set<String> surveys = new LinkedHashSet<>();
    all.forEach(row -> surveys.add(row.text("survey")));
    List<EvidenceFigure> figures = new ArrayList<>();
    for (String survey : surveys) {
      InstrumentSchema schema = InstrumentSchema.of(survey);
      List<PublishedTable.Row> rows =
          all.stream().filter(r -> r.text("survey").equals(survey)).toList();
      List<Cell> cells = cells(rows, "wave", "wave", row -> itemLabel(schema, row.text("item")));
      if (cells.isEmpty()) {
        continue;
      }
      List<DotPlotPoint> points = pointsWithLimits(cells, "percent_agreeing");
      Chart chart =
          DotPlotChart.of(
              "survey-" + survey.replace('_', '-'),
              new DotPlotData(
                  schema.title() + ": agreement with each item",
                  "items",
                  "Agree or strongly agree (% of valid answers)",
                  0,
                  100,
                  OptionalDouble.of(LEVEL),
                  points,
                  Optional.of(
                      "Wilson 95% intervals; don't know and blank answers are not in the base;"
                          + " agreeing with a negatively worded item is unfavourable. Source:"
                          + " publish/"
                          + SURVEYS
                          + ".")));
      List<String> series = series(cells);
      List<String> headers = new ArrayList<>(List.of("Item"));
      series.forEach(name -> headers.add(name + ": % agreeing (95% CI); n, don't know, no answer"));
      List<List<String>> tableRows =
          wideRows(
              cells,
              series,
              c ->
                  withInterval(c.source(), "percent_agreeing", "lower_ci", "upper_ci")
                      + "; n "
                      + c.source().text("base")
                      + ", DK "
                      + c.source().text("dont_know")
                      + ", no answer "
                      + c.source().text("item_nonresponse"));
      ReportTable numbers =
          ReportTable.of(
              schema.title() + ": percent agreeing with each item, by group and wave",
              headers,
              tableRows);
      List<Cell> positive = cells.stream().filter(c -> !c.row().endsWith(NEGATIVE)).toList();
      List<String> sentences = new ArrayList<>();
      sentences.add(responseSentence(cells, series));
      for (String name : latest(series)) {
        sentences.addAll(
            shareSentences(
                positive,
                name,
                "percent_agreeing",
                "positively worded items",
                "agreed with by",
                "of those answering",
                "wave"));
      }
      figures.add(
          new EvidenceFigure(
              "Mechanisms: " + schema.title().toLowerCase(Locale.ROOT), sentences, chart, numbers));
      answers.ifPresent(a -> figures.addAll(likert(schema, cells, latest(series), a)));
    }
    return figures;
  }

  /**
   * The diverging bars of a survey's items at each group's latest wave: the five answer percentages
   * of {@code survey_responses.csv} with the base, don't-know and no-answer counts of {@code
   * survey_items.csv}, all as published ({@code LikertChart} draws a suppressed pair of one side as
   * one segment). One figure per group and wave, so that each chart's rows have room for their
   * labels at A4 width (all groups in one chart squeezed 18 rows into the tallest chart). Empty
   * when the answers table has no national row for the survey.
   */
  private static List<EvidenceFigure> likert(
      InstrumentSchema schema, List<Cell> items, List<String> latest, PublishedTable answers) {
    Map<String, PublishedValue> shares = new LinkedHashMap<>();
    for (PublishedTable.Row row : answers.rows()) {
      if (row.national() && row.text("survey").equals(schema.instrument())) {
        String series = row.text("comparison_group") + ", wave " + row.text("wave");
        shares.put(
            series + "|" + itemLabel(schema, row.text("item")) + "|" + row.text("response"),
            row.value("percent"));
      }
    }
    List<String> headers = new ArrayList<>(List.of("Item", "Group and wave", "n"));
    LikertData.ANSWERS.forEach(answer -> headers.add(answer + " (%)"));
    headers.addAll(List.of("Don't know", "No answer"));
    List<EvidenceFigure> figures = new ArrayList<>();
    for (String series : latest) {
      List<LikertItem> bars = new ArrayList<>();
      List<List<String>> tableRows = new ArrayList<>();
      for (Cell item : items.stream().filter(c -> c.series().equals(series)).toList()) {
        List<PublishedValue> five = new ArrayList<>();
        for (String response : RESPONSES) {
          PublishedValue share = shares.get(series + "|" + item.row() + "|" + response);
          if (share != null) {
            five.add(share);
          }
        }
        if (five.size() != RESPONSES.size()) {
          continue;
        }
        PublishedTable.Row counts = item.source();
        bars.add(
            new LikertItem(
                item.row(),
                five,
                counts.value("base"),
                counts.value("dont_know"),
                counts.value("item_nonresponse")));
        List<String> line = new ArrayList<>(List.of(item.row(), series, counts.text("base")));
        five.forEach(share -> line.add(share.text()));
        line.add(counts.text("dont_know"));
        line.add(counts.text("item_nonresponse"));
        tableRows.add(line);
      }
      if (bars.isEmpty()) {
        continue;
      }
      boolean several = latest.size() > 1;
      String title =
          schema.title()
              + ": answers to each item"
              + (several ? ", " + series : " at the latest wave");
      String name =
          "survey-answers-"
              + schema.instrument().replace('_', '-')
              + (several
                  ? "-" + series.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                  : "");
      Chart chart =
          LikertChart.of(
              name,
              new LikertData(
                  title,
                  bars,
                  Optional.of("Source: publish/" + ANSWERS + " and publish/" + SURVEYS + ".")));
      figures.add(
          new EvidenceFigure(
              "Mechanisms: "
                  + schema.title().toLowerCase(Locale.ROOT)
                  + ", answers"
                  + (several ? ": " + series : ""),
              figures.isEmpty()
                  ? List.of(
                      "The bars show every answer at each group's latest wave, centred on the"
                          + " middle answer: agreement to the right, disagreement to the left. Two"
                          + " answers of one side suppressed together (c) are drawn as one white"
                          + " segment; an item with other suppressed answers has no bar. The"
                          + " published percentages are in the table"
                          + (several ? " under each chart." : "."))
                  : List.of(),
              chart,
              ReportTable.of(title + " (% of valid answers)", headers, tableRows)));
    }
    return figures;
  }

  /**
   * The published changes are differences of the unrounded values, as a statistician would take
   * them, so they can differ by one in the last decimal from the difference of the rounded values
   * beside them (4.1 and 6.3, change +2.1).
   */
  static final String UNROUNDED_CHANGE =
      " (changes are of the unrounded values, so they can differ by 0.1 from the difference of"
          + " the values shown)";

  private static final String NEGATIVE = " (negatively worded)";

  private static String itemLabel(InstrumentSchema schema, String id) {
    Optional<InstrumentSchema.Item> item = schema.item(id);
    return item.map(i -> i.label() + (i.negative() ? NEGATIVE : "")).orElse(id);
  }

  /** "Responding units: Pilots, wave 1, 370 (90.6% of those sampled); ..." */
  private static String responseSentence(List<Cell> cells, List<String> series) {
    List<String> parts = new ArrayList<>();
    for (String name : series) {
      cells.stream()
          .filter(c -> c.series().equals(name))
          .findFirst()
          .ifPresent(
              c -> {
                PublishedValue rate = c.source().value("unit_response_rate");
                parts.add(
                    name
                        + ", "
                        + c.source().text("respondents")
                        + " ("
                        + (rate.number().isPresent() ? rate.text() + "%" : rate.text())
                        + " of those sampled)");
              });
    }
    return "Responding units: " + String.join("; ", parts) + ".";
  }

  // --- costs ------------------------------------------------------------------------------------

  private static Optional<EvidenceFigure> costs(PublishedTable table) {
    InstrumentSchema schema = InstrumentSchema.of(InstrumentSchema.COSTS);
    List<String> codes =
        schema.codes().get("category").stream().map(InstrumentSchema.Code::code).toList();
    List<String> categories =
        codes.stream().map(code -> schema.codeLabel("category", code)).toList();
    Map<String, Map<String, PublishedTable.Row>> byLa = new LinkedHashMap<>();
    Map<String, Map<String, PublishedTable.Row>> byGroup = new LinkedHashMap<>();
    for (PublishedTable.Row row : table.rows()) {
      String key = row.national() ? row.text("comparison_group") : row.text("la_name");
      (row.national() ? byGroup : byLa)
          .computeIfAbsent(key, k -> new LinkedHashMap<>())
          .put(row.text("cost_category"), row);
    }
    if (byLa.isEmpty()) {
      return Optional.empty();
    }
    String prices =
        table
            .label("cost_gbp")
            .filter(label -> label.startsWith("Cost, "))
            .map(label -> label.substring("Cost, ".length()))
            .orElse("one price year");
    List<CostBar> bars = new ArrayList<>();
    byLa.forEach(
        (la, rows) -> {
          List<PublishedValue> amounts = new ArrayList<>();
          codes.forEach(code -> amounts.add(amount(rows.get(code))));
          bars.add(new CostBar(la, amounts, amount(rows.get(TOTAL))));
        });
    bars.sort(
        Comparator.comparing((CostBar bar) -> bar.total().number().isEmpty())
            .thenComparing(
                bar -> bar.total().number().orElse(BigDecimal.ZERO), Comparator.reverseOrder())
            .thenComparing(CostBar::label));
    Chart chart =
        CostChart.of(
            "costs-by-category",
            new CostData(
                "Implementation costs by category and LA",
                prices,
                categories,
                bars,
                Optional.of(
                    "Each cost line uprated to "
                        + prices
                        + " with the price index in data-schemas/instruments/price_index.csv"
                        + " (docs/instruments.md). Source:"
                        + " publish/"
                        + COSTS
                        + ".")));
    List<String> headers = new ArrayList<>(List.of("LA"));
    headers.addAll(categories);
    headers.addAll(List.of("Total", "Per child worked with", "Per social worker trained"));
    List<List<String>> rows = new ArrayList<>();
    for (CostBar bar : bars) {
      rows.add(costLine(bar.label(), byLa.get(bar.label()), codes));
    }
    byGroup.forEach(
        (group, groupRows) ->
            rows.add(
                costLine(
                    group + " (all " + groupRows.get(TOTAL).text("authorities") + " LAs)",
                    groupRows,
                    codes)));
    ReportTable numbers =
        ReportTable.of("Implementation costs by category, £ in " + prices, headers, rows);
    return Optional.of(
        new EvidenceFigure(
            "Costs by category",
            costSentences(byGroup, codes, categories, prices),
            chart,
            numbers));
  }

  private static PublishedValue amount(PublishedTable.Row row) {
    return row == null ? PublishedValue.symbol(Symbol.UNAVAILABLE) : row.value("cost_gbp");
  }

  private static List<String> costLine(
      String label, Map<String, PublishedTable.Row> rows, List<String> codes) {
    List<String> line = new ArrayList<>(List.of(label));
    for (String code : codes) {
      line.add(money(amount(rows.get(code))));
    }
    PublishedTable.Row total = rows.get(TOTAL);
    line.add(money(amount(total)));
    line.add(total == null ? "x" : money(total.value("cost_per_child_gbp")));
    line.add(total == null ? "x" : money(total.value("cost_per_staff_trained_gbp")));
    return line;
  }

  private static List<String> costSentences(
      Map<String, Map<String, PublishedTable.Row>> byGroup,
      List<String> codes,
      List<String> categories,
      String prices) {
    List<String> sentences = new ArrayList<>();
    byGroup.forEach(
        (group, rows) -> {
          PublishedTable.Row total = rows.get(TOTAL);
          if (total == null) {
            return;
          }
          StringBuilder text = new StringBuilder();
          text.append(group)
              .append(" (")
              .append(total.text("authorities"))
              .append(" LAs): implementation costs of ")
              .append(money(total.value("cost_gbp")))
              .append(" in ")
              .append(prices)
              .append(", ")
              .append(money(total.value("cost_per_child_gbp")))
              .append(" per child worked with and ")
              .append(money(total.value("cost_per_staff_trained_gbp")))
              .append(" per social worker trained.");
          int top = -1;
          for (int i = 0; i < codes.size(); i++) {
            PublishedTable.Row row = rows.get(codes.get(i));
            if (row != null
                && row.value("cost_gbp").number().isPresent()
                && (top < 0
                    || row.value("cost_gbp")
                            .number()
                            .get()
                            .compareTo(rows.get(codes.get(top)).value("cost_gbp").number().get())
                        > 0)) {
              top = i;
            }
          }
          if (top >= 0) {
            text.append(" The largest category was ")
                .append(categories.get(top).toLowerCase(Locale.ROOT))
                .append(" (")
                .append(money(rows.get(codes.get(top)).value("cost_gbp")))
                .append(").");
          }
          sentences.add(text.toString());
        });
    return sentences;
  }

  /** One table row per chart row: its label, then {@code format} of its cell in each series. */
  private static List<List<String>> wideRows(
      List<Cell> cells, List<String> series, Function<Cell, String> format) {
    List<List<String>> rows = new ArrayList<>();
    for (String row : rowsOf(cells)) {
      List<String> line = new ArrayList<>(List.of(row));
      for (String name : series) {
        line.add(cell(cells, row, name).map(format).orElse(""));
      }
      rows.add(line);
    }
    return rows;
  }

  /** A point per cell: the published percentage {@code column} with its published limits. */
  private static List<DotPlotPoint> pointsWithLimits(List<Cell> cells, String column) {
    List<DotPlotPoint> points = new ArrayList<>();
    for (Cell c : cells) {
      points.add(
          DotPlotPoint.of(
              c.row(),
              c.series(),
              c.source().value(column),
              c.source().value("lower_ci"),
              c.source().value("upper_ci")));
    }
    return points;
  }

  // --- formatting -------------------------------------------------------------------------------

  private static String label(InstrumentSchema schema, String id) {
    return schema.item(id).map(InstrumentSchema.Item::label).orElse(id);
  }

  private static double number(PublishedValue value) {
    return value.number().orElseThrow().doubleValue();
  }

  /** "£12,345", or the symbol. */
  static String money(PublishedValue value) {
    return value.number().isPresent() ? "£" + ReportFormat.fixed(number(value), 0) : value.text();
  }

  /** "6.3 (+2.2)" when the change is published, else the value. */
  private static String withChange(PublishedValue value, PublishedValue change) {
    return value.text() + changePhrase(change, " ");
  }

  private static String changePhrase(PublishedValue change, String separator) {
    if (change.number().isEmpty()) {
      return "";
    }
    return separator.isEmpty()
        ? " (change " + ReportFormat.signed(number(change), 1) + ")"
        : separator + "(" + ReportFormat.signed(number(change), 1) + ")";
  }

  /** "60.0 (52.8 to 66.8)", or the symbol alone. */
  private static String withInterval(
      PublishedTable.Row row, String value, String lower, String upper) {
    PublishedValue estimate = row.value(value);
    if (estimate.number().isEmpty()) {
      return estimate.text();
    }
    return estimate.text() + " (" + row.text(lower) + " to " + row.text(upper) + ")";
  }

  /** "+12.3 (4.0 to 20.1)", or the symbol; empty for the first round. */
  private static String changeWithInterval(PublishedTable.Row row) {
    PublishedValue change = row.value("change_pp");
    if (change.symbol().filter(s -> s.code().equals("z")).isPresent()) {
      return "";
    }
    if (change.number().isEmpty()) {
      return change.text();
    }
    return ReportFormat.signed(number(change), 1)
        + " ("
        + row.text("change_lower_ci")
        + " to "
        + row.text("change_upper_ci")
        + ")";
  }

  /** The lowest and highest of some cells by a published number (first wins ties). */
  private record Extremes<T>(T low, T high) {
    static <T> Extremes<T> of(List<T> items, Function<T, PublishedValue> value) {
      T low = items.get(0);
      T high = items.get(0);
      for (T item : items) {
        BigDecimal v = value.apply(item).number().orElseThrow();
        if (v.compareTo(value.apply(low).number().orElseThrow()) < 0) {
          low = item;
        }
        if (v.compareTo(value.apply(high).number().orElseThrow()) > 0) {
          high = item;
        }
      }
      return new Extremes<>(low, high);
    }
  }
}
