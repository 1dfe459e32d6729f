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
import java.util.Objects;
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
import org.soseval.pipeline.geography.LaCodeEntry;
import org.soseval.pipeline.geography.LaCrosswalk;
import org.soseval.pipeline.panel.Indicator;
import org.soseval.pipeline.panel.PanelRow;
import org.soseval.pipeline.panel.PublishedPanel;
import org.soseval.pipeline.panel.PublishedValue;
import org.soseval.pipeline.publish.DisclosureControl;
import org.soseval.pipeline.publish.EesWriter;
import org.soseval.pipeline.publish.Geography;
import org.soseval.pipeline.publish.PanelTables;
import org.soseval.pipeline.publish.PublicationTable;

/**
 * Outcome values by LA and reporting year, each with the source it came from and the form in which
 * it may be published. Missing and suppressed values are absent, with the reason kept.
 *
 * <p>Values are what the estimators use: unrounded and unsuppressed. Beside each is {@link
 * Observation#published()}: the value itself where it is already public (DfE's published
 * statistics) or the evaluator's own (an evaluator's panel), and for values derived from case-level
 * returns the cell as {@code la_indicators.csv} publishes it after disclosure control ({@link
 * #fromCaseLevel}), so {@code panel.csv} publishes nothing that table does not.
 */
public final class LaYearPanel {
  /** The EES time and geography columns; every other column of a panel file is an outcome. */
  public static final List<String> EES_COLUMNS = EesWriter.IDENTIFIER_COLUMNS;

  /** GSS symbols (and legacy forms) that stand for a value that is not there. */
  private static final Set<String> SYMBOLS = Set.of("c", "x", "z", "u", "low", "k", ":", "~");

  /**
   * One value and where it came from.
   *
   * @param value the unrounded value the estimators use
   * @param source the file or source it came from
   * @param published what may be published in its place: the value, a rounded value, or {@code c}
   * @param from the LAs whose data gave the value when they are not the LA it is filed under (a
   *     predecessor's series, or successors combined); empty when it is the LA's own
   */
  public record Observation(
      double value, String source, PublishedValue published, List<String> from) {
    public Observation {
      Objects.requireNonNull(source, "source is null");
      Objects.requireNonNull(published, "published is null");
      from = List.copyOf(from);
    }

    /** A value that may be published as it is (already public, or the evaluator's own). */
    public static Observation own(double value, String source) {
      return new Observation(value, source, PublishedValue.of(value), List.of());
    }
  }

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
  private final Set<String> notes = new TreeSet<>();

  public static LaYearPanel empty() {
    return new LaYearPanel();
  }

  /** Files a value that may be published as it is (already public, or the evaluator's own). */
  public void put(String outcome, String la, int year, double value, String source) {
    put(outcome, la, year, Observation.own(value, source));
  }

  public void put(String outcome, String la, int year, Observation observation) {
    values.computeIfAbsent(outcome, key -> new TreeMap<>()).put(new Key(la, year), observation);
  }

  public void putMissing(String outcome, String la, int year, String reason) {
    missing.computeIfAbsent(outcome, key -> new TreeMap<>()).put(new Key(la, year), reason);
  }

  public void name(String la, String name) {
    if (name != null && !name.isBlank()) {
      names.putIfAbsent(la, name);
    }
  }

  /** Warnings about the data (e.g. LA codes the crosswalk does not know), for the summary. */
  public List<String> notes() {
    return List.copyOf(notes);
  }

  void note(String note) {
    notes.add(note);
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
              byKey.forEach((key, value) -> merged.put(outcome, key.la(), key.year(), value)));
      source.missing.forEach(
          (outcome, byKey) ->
              byKey.forEach(
                  (key, reason) -> {
                    if (merged.get(outcome, key.la(), key.year()).isEmpty()) {
                      merged.putMissing(outcome, key.la(), key.year(), reason);
                    }
                  }));
      source.names.forEach(merged::name);
      merged.notes.addAll(source.notes);
    }
    return merged;
  }

  /**
   * The LA rows of a panel built from DfE's published statistics; each value's source is the
   * published file it came from. The values are public already (DfE suppressed its cells).
   */
  public static LaYearPanel fromPublished(PublishedPanel published) {
    return fromPanelRows(
        published.rows(),
        (row, column) ->
            "published: "
                + Indicator.byColumn(column)
                    .map(indicator -> row.sources().getOrDefault(indicator, "DfE"))
                    .orElse("DfE"),
        (row, column, value) -> PublishedValue.of(value));
  }

  /**
   * A panel of every indicator (and supporting count) of {@code rows} computed from case-level
   * returns (e.g. by {@code org.soseval.pipeline.derive.LakeIndicators}): values unrounded for the
   * estimators, missing values keeping their symbol as the reason. What may be published of each is
   * its cell in the {@code la_indicators} table ({@link PanelTables#laIndicators}) after {@code
   * control}, formatted as {@link EesWriter} writes it; a count that table does not publish (a
   * supporting count) is {@code c}. Each value's source is {@code source}.
   */
  public static LaYearPanel fromCaseLevel(
      List<PanelRow> rows, String source, DisclosureControl control) {
    Map<Key, Map<String, PublishedValue>> cells = new TreeMap<>();
    for (PublicationTable.Row row : control.apply(PanelTables.laIndicators(rows)).rows()) {
      if (row.geography().level() == Geography.Level.LOCAL_AUTHORITY) {
        cells.put(new Key(row.geography().oldLaCode(), row.year()), row.values());
      }
    }
    return fromPanelRows(
        rows,
        (row, column) -> source,
        (row, column, value) -> {
          PublishedValue cell =
              cells
                  .getOrDefault(new Key(row.la().oldLaCode(), row.year()), Map.of())
                  .getOrDefault(column, PublishedValue.missing("c"));
          Optional<Indicator> indicator = Indicator.byColumn(column);
          if (!cell.isPresent() || indicator.isEmpty()) {
            return cell.isPresent() ? PublishedValue.missing("c") : cell;
          }
          return PublishedValue.of(
              Double.parseDouble(EesWriter.format(cell, indicator.get().kind())));
        });
  }

  /** What may be published of a value. */
  private interface Publication {
    PublishedValue of(PanelRow row, String column, double value);
  }

  private static LaYearPanel fromPanelRows(
      List<PanelRow> rows, BiFunction<PanelRow, String, String> source, Publication publication) {
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
              panel.put(
                  outcome,
                  la,
                  row.year(),
                  new Observation(
                      value.number(),
                      source.apply(row, outcome),
                      publication.of(row, outcome, value.number()),
                      List.of()));
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
        String where = file.getFileName() + " line " + (row.getRecordNumber() + 1);
        String la =
            laCode(
                panel,
                file,
                where,
                cell(row, header, "old_la_code"),
                cell(row, header, "new_la_code"));
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

  /**
   * The row's DfE 3-digit code: {@code old_la_code}, else the 3-digit code of {@code new_la_code}
   * in the crosswalk (so a GSS-only change such as Buckinghamshire's in 2021 keeps one series);
   * codes the crosswalk does not know are used as given, with a note.
   */
  private static String laCode(
      LaYearPanel panel, Path file, String where, String oldCode, String newCode) {
    if (oldCode.isEmpty() && newCode.isEmpty()) {
      throw PipelineErrors.usage(
          "Cannot read the outcome panel " + file,
          where + " has neither old_la_code nor new_la_code",
          "Give every Local authority row an LA code");
    }
    if (oldCode.isEmpty()) {
      Optional<String> known = LaCrosswalk.byNewCode(newCode).map(LaCodeEntry::oldLaCode);
      if (known.isPresent()) {
        return known.get();
      }
      panel.note(
          file.getFileName()
              + ": new_la_code "
              + newCode
              + " is not in the LA code crosswalk; used as given");
      return newCode;
    }
    if (LaCrosswalk.byOldCode(oldCode).isEmpty()) {
      panel.note(
          file.getFileName()
              + ": old_la_code "
              + oldCode
              + " is not in the LA code crosswalk; used as given");
    }
    return oldCode;
  }

  private static String cell(CSVRecord row, List<String> header, String column) {
    int index = header.indexOf(column);
    return index < 0 || index >= row.size() ? "" : row.get(index).trim();
  }
}
