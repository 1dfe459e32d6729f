package org.soseval.pipeline.compare;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.soseval.pipeline.PipelineErrors;
import org.soseval.pipeline.panel.Indicator;
import org.soseval.pipeline.panel.PanelRow;
import org.soseval.pipeline.panel.PublishedPanel;
import org.soseval.pipeline.panel.PublishedValue;
import org.soseval.pipeline.publish.EesWriter;

/**
 * Outcome values by LA and reporting year, each with the source it came from. Missing and
 * suppressed values are absent, with the reason kept.
 */
public final class LaYearPanel {
  /** The EES time and geography columns; every other column of a panel file is an outcome. */
  public static final List<String> EES_COLUMNS = EesWriter.IDENTIFIER_COLUMNS;

  /** GSS symbols (and legacy forms) that stand for a value that is not there. */
  private static final Set<String> SYMBOLS = Set.of("c", "x", "z", "u", "low", "k", ":", "~");

  /** One value and where it came from. */
  public record Observation(double value, String source) {}

  private record Key(String la, int year) implements Comparable<Key> {
    @Override
    public int compareTo(Key other) {
      int byLa = la.compareTo(other.la);
      return byLa != 0 ? byLa : Integer.compare(year, other.year);
    }
  }

  private final Map<String, TreeMap<Key, Observation>> values = new TreeMap<>();
  private final Map<String, TreeMap<Key, String>> missing = new TreeMap<>();
  private final Map<String, String> names = new TreeMap<>();

  public static LaYearPanel empty() {
    return new LaYearPanel();
  }

  public void put(String outcome, String la, int year, double value, String source) {
    values
        .computeIfAbsent(outcome, key -> new TreeMap<>())
        .put(new Key(la, year), new Observation(value, source));
  }

  public void putMissing(String outcome, String la, int year, String reason) {
    missing.computeIfAbsent(outcome, key -> new TreeMap<>()).put(new Key(la, year), reason);
  }

  public void name(String la, String name) {
    if (name != null && !name.isBlank()) {
      names.putIfAbsent(la, name);
    }
  }

  public Optional<String> nameOf(String la) {
    return Optional.ofNullable(names.get(la));
  }

  public Optional<Observation> get(String outcome, String la, int year) {
    TreeMap<Key, Observation> byKey = values.get(outcome);
    return byKey == null ? Optional.empty() : Optional.ofNullable(byKey.get(new Key(la, year)));
  }

  public OptionalDouble value(String outcome, String la, int year) {
    return get(outcome, la, year)
        .map(observation -> OptionalDouble.of(observation.value()))
        .orElse(OptionalDouble.empty());
  }

  /** Why a value is missing (a GSS symbol such as {@code c}), if the source said. */
  public Optional<String> missingReason(String outcome, String la, int year) {
    TreeMap<Key, String> byKey = missing.get(outcome);
    return byKey == null ? Optional.empty() : Optional.ofNullable(byKey.get(new Key(la, year)));
  }

  public Set<String> outcomes() {
    return new TreeSet<>(values.keySet());
  }

  public Set<String> authorities() {
    Set<String> all = new TreeSet<>();
    values.values().forEach(byKey -> byKey.keySet().forEach(key -> all.add(key.la())));
    return all;
  }

  /**
   * This panel with {@code preferred}'s values laid over it: where both give an LA-year outcome,
   * the preferred one wins (deposits over an evaluator's panel over published statistics).
   */
  public LaYearPanel overlaidWith(LaYearPanel preferred) {
    LaYearPanel merged = new LaYearPanel();
    for (LaYearPanel source : List.of(this, preferred)) {
      source.values.forEach(
          (outcome, byKey) ->
              byKey.forEach(
                  (key, value) ->
                      merged.put(outcome, key.la(), key.year(), value.value(), value.source())));
      source.missing.forEach(
          (outcome, byKey) ->
              byKey.forEach(
                  (key, reason) -> {
                    if (merged.get(outcome, key.la(), key.year()).isEmpty()) {
                      merged.putMissing(outcome, key.la(), key.year(), reason);
                    }
                  }));
      source.names.forEach(merged::name);
    }
    return merged;
  }

  /**
   * The LA rows of a panel built from DfE's published statistics; each value's source is the
   * published file it came from.
   */
  public static LaYearPanel fromPublished(PublishedPanel published) {
    return fromPanelRows(
        published.rows(),
        (row, column) ->
            "published: "
                + Indicator.byColumn(column)
                    .map(indicator -> row.sources().getOrDefault(indicator, "DfE"))
                    .orElse("DfE"));
  }

  /**
   * A panel of every indicator (and supporting count) of {@code rows}, e.g. those derived from the
   * lake ({@code org.soseval.pipeline.derive.LakeIndicators}), unrounded; missing values keep their
   * symbol as the reason. Each value's source is {@code source}.
   */
  public static LaYearPanel fromPanelRows(List<PanelRow> rows, String source) {
    return fromPanelRows(rows, (row, column) -> source);
  }

  private static LaYearPanel fromPanelRows(
      List<PanelRow> rows, BiFunction<PanelRow, String, String> source) {
    LaYearPanel panel = new LaYearPanel();
    for (PanelRow row : rows) {
      String la = row.la().oldLaCode();
      panel.name(la, row.la().name());
      Map<String, PublishedValue> named = new LinkedHashMap<>();
      for (Indicator indicator : Indicator.values()) {
        named.put(indicator.column(), row.value(indicator));
      }
      named.putAll(row.supporting());
      named.forEach(
          (outcome, value) -> {
            if (value.isPresent()) {
              panel.put(outcome, la, row.year(), value.number(), source.apply(row, outcome));
            } else {
              panel.putMissing(outcome, la, row.year(), value.symbol().orElse("x"));
            }
          });
    }
    return panel;
  }

  /**
   * Reads an LA × reporting-year CSV in the EES layout (an evaluator's own outcomes): LA rows are
   * keyed by {@code old_la_code} (or {@code new_la_code} when that is blank); every column other
   * than the EES time and geography columns is an outcome; GSS symbols are missing values.
   */
  public static LaYearPanel fromCsv(Path file, String source) {
    LaYearPanel panel = new LaYearPanel();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser =
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
      List<String> header = new ArrayList<>();
      for (String name : parser.getHeaderNames()) {
        header.add(name.replace("\uFEFF", "").trim());
      }
      for (String required : List.of("time_period", "geographic_level")) {
        if (!header.contains(required)) {
          throw PipelineErrors.usage(
              "Cannot read the outcome panel " + file,
              "it has no " + required + " column",
              "Give the panel in the EES layout (time_period, time_identifier, geographic_level,"
                  + " country_code, country_name, old_la_code, new_la_code, la_name, outcomes...)");
        }
      }
      Map<String, Integer> outcomeColumns = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        if (!EES_COLUMNS.contains(header.get(i))) {
          outcomeColumns.put(header.get(i), i);
        }
      }
      for (CSVRecord row : parser) {
        String level = cell(row, header, "geographic_level");
        if (!level.equalsIgnoreCase("Local authority")) {
          continue;
        }
        String la = cell(row, header, "old_la_code");
        if (la.isEmpty()) {
          la = cell(row, header, "new_la_code");
        }
        String where = file.getFileName() + " line " + (row.getRecordNumber() + 1);
        if (la.isEmpty()) {
          throw PipelineErrors.usage(
              "Cannot read the outcome panel " + file,
              where + " has neither old_la_code nor new_la_code",
              "Give every Local authority row an LA code");
        }
        int year;
        try {
          year = Integer.parseInt(cell(row, header, "time_period"));
        } catch (NumberFormatException e) {
          throw PipelineErrors.usage(
              "Cannot read the outcome panel " + file,
              where + " time_period '" + cell(row, header, "time_period") + "' is not a year",
              "Use 4-digit reporting years (2019 = April 2018 to March 2019)",
              e);
        }
        panel.name(la, cell(row, header, "la_name"));
        for (Map.Entry<String, Integer> column : outcomeColumns.entrySet()) {
          String text = column.getValue() < row.size() ? row.get(column.getValue()).trim() : "";
          if (text.isEmpty() || SYMBOLS.contains(text)) {
            panel.putMissing(column.getKey(), la, year, text.isEmpty() ? "x" : text);
            continue;
          }
          try {
            panel.put(column.getKey(), la, year, Double.parseDouble(text), source);
          } catch (NumberFormatException e) {
            throw PipelineErrors.usage(
                "Cannot read the outcome panel " + file,
                where
                    + " column "
                    + column.getKey()
                    + " holds '"
                    + text
                    + "', not a number or"
                    + " symbol",
                "Write numbers without separators, or a GSS symbol (c, x, z, u, low)",
                e);
          }
        }
      }
    } catch (IOException e) {
      throw PipelineErrors.usage(
          "Cannot read the outcome panel " + file,
          e.getMessage(),
          "Check the path in sources.panel",
          e);
    }
    return panel;
  }

  private static String cell(CSVRecord row, List<String> header, String column) {
    int index = header.indexOf(column);
    return index < 0 || index >= row.size() ? "" : row.get(index).trim();
  }
}
