package org.soseval.pipeline.compare;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
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
import org.soseval.pipeline.PipelineException;
import org.soseval.pipeline.geography.LaCodeEntry;
import org.soseval.pipeline.geography.LaCrosswalk;
import org.soseval.pipeline.panel.Indicator;
import org.soseval.pipeline.panel.PanelRow;
import org.soseval.pipeline.panel.PublishedCsv;
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
  private final Map<String, String> unreadable = new TreeMap<>();

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

  /** The reporting years in which some LA has a value of {@code outcome}. */
  public java.util.SortedSet<Integer> years(String outcome) {
    java.util.SortedSet<Integer> years = new TreeSet<>();
    values.getOrDefault(outcome, new TreeMap<>()).keySet().forEach(key -> years.add(key.year()));
    return years;
  }

  /** How many LA-years of {@code outcome} a source gave as missing or suppressed. */
  public int missingCount(String outcome) {
    return missing.getOrDefault(outcome, new TreeMap<>()).size();
  }

  /** Whether a source gave some value of {@code la} as missing or suppressed. */
  public boolean hasMissing(String la) {
    return missing.values().stream()
        .anyMatch(byKey -> byKey.keySet().stream().anyMatch(key -> key.la().equals(la)));
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
      merged.unreadable.putAll(source.unreadable);
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
   * than the EES time and geography columns is an outcome; GSS symbols are missing values. The file
   * is UTF-8 (with or without a byte-order mark) or Windows-1252.
   *
   * <p>Rejected whole (exit code 3), because each would give estimates that look right but are not:
   * two rows for one LA and year (which value is meant?), two columns of one name, a time_period
   * that is not a 4-digit reporting year (EES's {@code 201819} form), and a value that is not
   * finite. A column holding text (notes, labels) is not an outcome: it is left out with a note,
   * and naming it as an outcome is refused ({@link #unreadable}).
   */
  public static LaYearPanel fromCsv(Path file, String source) {
    if (!Files.isRegularFile(file)) {
      throw PipelineErrors.usage(
          "Cannot read the outcome panel " + file,
          "the file does not exist",
          "Check the path in sources.panel (relative paths start at the config's folder)");
    }
    LaYearPanel panel = new LaYearPanel();
    String text;
    try {
      text = PublishedCsv.decode(file);
    } catch (UncheckedIOException e) {
      throw PipelineErrors.usage(
          "Cannot read the outcome panel " + file,
          String.valueOf(e.getCause().getMessage()),
          "Check the path in sources.panel",
          e);
    }
    try (CSVParser parser =
        CSVFormat.RFC4180
            .builder()
            .setAllowDuplicateHeaderNames(true)
            .get()
            .parse(new StringReader(text))) {
      List<String> header = new ArrayList<>();
      Map<Key, Long> lineOf = new TreeMap<>();
      Map<String, Integer> outcomeColumns = new LinkedHashMap<>();
      for (CSVRecord row : parser) {
        long line = row.getRecordNumber();
        if (line == 1) {
          for (String name : row) {
            header.add(name.replace("\uFEFF", "").trim());
          }
          checkHeader(file, header);
          for (int i = 0; i < header.size(); i++) {
            if (!EES_COLUMNS.contains(header.get(i)) && !header.get(i).isEmpty()) {
              outcomeColumns.put(header.get(i), i);
            }
          }
          continue;
        }
        String level = cell(row, header, "geographic_level");
        if (!level.equalsIgnoreCase("Local authority")) {
          continue;
        }
        String where = file.getFileName() + " line " + line;
        String la =
            laCode(
                panel,
                file,
                where,
                cell(row, header, "old_la_code"),
                cell(row, header, "new_la_code"));
        int year = year(file, where, cell(row, header, "time_period"));
        Long earlier = lineOf.putIfAbsent(new Key(la, year), line);
        if (earlier != null) {
          throw rejected(
              file,
              where
                  + " gives LA "
                  + la
                  + " reporting year "
                  + year
                  + " again (first on line "
                  + earlier
                  + ")",
              "Keep one row per LA and reporting year: a repeated row would be counted twice or"
                  + " overwrite the first");
        }
        panel.name(la, cell(row, header, "la_name"));
        for (Map.Entry<String, Integer> column : outcomeColumns.entrySet()) {
          String name = column.getKey();
          if (panel.unreadable.containsKey(name)) {
            continue;
          }
          String value = column.getValue() < row.size() ? row.get(column.getValue()).trim() : "";
          if (value.isEmpty() || SYMBOLS.contains(value)) {
            panel.putMissing(name, la, year, value.isEmpty() ? "x" : value);
            continue;
          }
          double number;
          try {
            number = Double.parseDouble(value);
          } catch (NumberFormatException e) {
            panel.unreadable.put(name, where + " column " + name + " holds '" + value + "'");
            continue;
          }
          if (!Double.isFinite(number)) {
            throw rejected(
                file,
                where + " column " + name + " holds '" + value + "', not a finite number",
                "Write a number, or a GSS symbol (c, x, z, u, low) for a value that is missing");
          }
          panel.put(name, la, year, number, source);
        }
      }
      if (header.isEmpty()) {
        throw rejected(file, "the file is empty", "Give the panel's header and rows");
      }
    } catch (IOException | UncheckedIOException e) {
      throw rejected(
          file,
          "it is not a readable CSV (" + e.getMessage() + ")",
          "Save it as a comma-separated file with one header row");
    }
    for (String column : panel.unreadable.keySet()) {
      panel.values.remove(column);
      panel.missing.remove(column);
      panel.note(
          file.getFileName()
              + ": column "
              + column
              + " is not numeric ("
              + panel.unreadable.get(column)
              + "), so it is not an outcome");
    }
    return panel;
  }

  /**
   * Why a column of an evaluator's panel is not an outcome (its first cell that is neither a number
   * nor a GSS symbol), if it is one of those.
   */
  public Optional<String> unreadable(String column) {
    return Optional.ofNullable(unreadable.get(column));
  }

  private static void checkHeader(Path file, List<String> header) {
    Set<String> seen = new TreeSet<>();
    for (String name : header) {
      if (!name.isEmpty() && !seen.add(name)) {
        throw rejected(
            file,
            "the header names column " + name + " twice",
            "Give each column its own name: which of the two is the outcome cannot be told");
      }
    }
    for (String required : List.of("time_period", "geographic_level")) {
      if (!header.contains(required)) {
        throw rejected(
            file,
            "it has no "
                + required
                + " column"
                + (header.size() == 1
                    ? " (the header has one column: is it comma-separated?)"
                    : ""),
            "Give the panel in the EES layout (time_period, time_identifier, geographic_level,"
                + " country_code, country_name, old_la_code, new_la_code, la_name, outcomes...)");
      }
    }
  }

  private static int year(Path file, String where, String text) {
    if (!text.matches("\\d{4}")) {
      throw rejected(
          file,
          where
              + " time_period '"
              + text
              + "' is not a 4-digit reporting year"
              + (text.matches("\\d{6}") ? " (201819 is EES's financial-year form)" : ""),
          "Use the year the reporting year ends: 2019 for April 2018 to March 2019");
    }
    return Integer.parseInt(text);
  }

  private static PipelineException rejected(Path file, String cause, String fix) {
    return PipelineErrors.inputRejected("Rejected the outcome panel " + file, cause, fix);
  }

  /**
   * The row's DfE 3-digit code: {@code old_la_code}, else the 3-digit code of {@code new_la_code}
   * in the crosswalk (so a GSS-only change such as Buckinghamshire's in 2021 keeps one series);
   * codes the crosswalk does not know are used as given, with a note.
   */
  private static String laCode(
      LaYearPanel panel, Path file, String where, String oldCode, String newCode) {
    if (oldCode.isEmpty() && newCode.isEmpty()) {
      throw rejected(
          file,
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
