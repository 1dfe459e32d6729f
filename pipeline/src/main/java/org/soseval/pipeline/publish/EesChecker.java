package org.soseval.pipeline.publish;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.soseval.pipeline.files.TextBytes;
import org.soseval.pipeline.geography.LaCodeEntry;
import org.soseval.pipeline.geography.LaCrosswalk;

/**
 * The EES open-data checks (docs: users.md section 3; after DfE's eesyscreener) on a data CSV and
 * its {@code .meta.csv}. Each rule has an identifier that appears in its failures:
 *
 * <ul>
 *   <li>{@code file-name}: lower-case letters, digits, {@code _} and {@code -}, ending {@code .csv}
 *   <li>{@code meta-file}: the {@code .meta.csv} of the same name exists
 *   <li>{@code encoding}: UTF-8
 *   <li>{@code csv-format}: the file parses as CSV and every row has as many cells as the header
 *   <li>{@code column-name}: snake_case, not starting with a digit, at most 50 characters; no
 *       duplicates
 *   <li>{@code mandatory-columns}: time_period, time_identifier, geographic_level, country_code,
 *       country_name
 *   <li>{@code time-period}: 4 digits, or 6 digits of consecutive years
 *   <li>{@code time-identifier}: an EES value whose period length matches; one kind per file
 *   <li>{@code geographic-level}: an EES level
 *   <li>{@code geography-columns}: the columns the level needs exist and are filled; country on
 *       every row; lower levels' columns blank
 *   <li>{@code location}: codes and names are a known combination (ONS country and regions, the LA
 *       code crosswalk), or {@code x}/Not available, {@code z}
 *   <li>{@code char-limit}: location codes at most 30 characters, names and filter items at most
 *       120
 *   <li>{@code null-value}: no NULL, NA, na (fail) or N/A, ., .., - (warning)
 *   <li>{@code indicator-value}: indicator cells are numbers (no thousands separators, %, £) or a
 *       GSS symbol (c, x, z, low, u); never blank; not the obsolete : or ~
 *   <li>{@code filter-value}: filter cells never blank; each filter has a Total
 *   <li>{@code duplicate-row}: one row per time period, location and filter combination
 *   <li>{@code meta-columns}, {@code meta-col-type}, {@code meta-label}, {@code meta-unit}, {@code
 *       meta-dp}, {@code meta-filter-hint}, {@code meta-grouping-column}, {@code meta-col-name},
 *       {@code meta-missing}: the metadata rules of users.md section 3.7
 * </ul>
 */
public final class EesChecker {
  static final List<String> MANDATORY =
      List.of("time_period", "time_identifier", "geographic_level", "country_code", "country_name");

  private static final Map<String, Integer> TIME_IDENTIFIERS = timeIdentifiers();

  /** Geographic level -> the code and name columns it needs (codes first). */
  private static final Map<String, List<String>> LEVEL_COLUMNS = levelColumns();

  private static final Set<String> GEOGRAPHY_COLUMNS = geographyColumns();

  private static final Set<String> SYMBOLS = Set.of("c", "x", "z", "low", "u");
  private static final Set<String> NULL_FAIL = Set.of("NULL", "NA", "na");
  private static final Set<String> NULL_WARN = Set.of("N/A", ".", "..", "-");
  private static final Set<String> UNITS = Set.of("", "%", "pp", "£", "£m", "numberstring");

  private static final Map<String, String> COUNTRIES =
      Map.of(
          "E92000001", "England",
          "K02000001", "United Kingdom",
          "K03000001", "Great Britain",
          "K04000001", "England and Wales",
          "W92000004", "Wales",
          "S92000003", "Scotland",
          "N92000002", "Northern Ireland");

  private static final Map<String, String> REGIONS = regions();

  private EesChecker() {}

  /** The result of checking a folder. */
  public record Report(List<Path> files, List<EesFailure> findings) {
    public Report {
      files = List.copyOf(files);
      findings = List.copyOf(findings);
    }

    public List<EesFailure> failures() {
      return findings.stream().filter(f -> f.severity() == EesFailure.Severity.FAIL).toList();
    }

    /** The files with at least one failure (not only warnings). */
    public Set<String> failedFiles() {
      Set<String> failed = new java.util.TreeSet<>();
      failures().forEach(f -> failed.add(f.file()));
      return failed;
    }

    public boolean passed() {
      return failures().isEmpty();
    }
  }

  /**
   * Checks every data CSV in {@code directory} (not its subfolders; {@code .meta.csv} files are
   * read with their data file).
   */
  public static Report checkDirectory(Path directory) {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> list = Files.list(directory)) {
      list.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
          .filter(p -> !p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".meta.csv"))
          .sorted()
          .forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + directory, e);
    }
    List<EesFailure> findings = new ArrayList<>();
    for (Path file : files) {
      findings.addAll(checkFile(file));
    }
    // a .meta.csv without its data file
    try (Stream<Path> list = Files.list(directory)) {
      list.filter(p -> p.getFileName().toString().endsWith(".meta.csv"))
          .filter(
              p ->
                  !Files.exists(
                      p.resolveSibling(p.getFileName().toString().replace(".meta.csv", ".csv"))))
          .sorted()
          .forEach(
              p ->
                  findings.add(
                      fail(
                          p.getFileName().toString(),
                          0,
                          "",
                          "meta-file",
                          "metadata file without a data file: expected "
                              + p.getFileName().toString().replace(".meta.csv", ".csv"))));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + directory, e);
    }
    return new Report(files, findings);
  }

  /** Checks one data CSV and its {@code .meta.csv}. */
  public static List<EesFailure> checkFile(Path data) {
    String file = data.getFileName().toString();
    List<EesFailure> out = new ArrayList<>();
    if (!file.matches("[a-z0-9_-]+\\.csv")) {
      out.add(
          fail(
              file,
              0,
              "",
              "file-name",
              "file name must be lower-case letters, digits, _ and - ending .csv (no spaces or capitals)"));
    }
    Optional<List<CSVRecord>> records = parse(data, file, out);
    if (records.isEmpty()) {
      return out;
    }
    Path metaPath = data.resolveSibling(file.substring(0, file.length() - 4) + ".meta.csv");
    Optional<List<CSVRecord>> meta = Optional.empty();
    if (!Files.isRegularFile(metaPath)) {
      out.add(
          fail(
              file,
              0,
              "",
              "meta-file",
              "the metadata file " + metaPath.getFileName() + " is missing"));
    } else {
      meta = parse(metaPath, metaPath.getFileName().toString(), out);
    }
    List<CSVRecord> rows = records.get();
    if (rows.isEmpty()) {
      out.add(
          fail(
              file, 0, "", "csv-format", "the file is empty: it needs a header row and data rows"));
      return out;
    }
    List<String> header = new ArrayList<>();
    rows.get(0).forEach(header::add);
    checkHeader(file, header, out);
    Map<String, String> defaults = new LinkedHashMap<>();
    Map<String, String> types =
        meta.isPresent()
            ? checkMeta(metaPath.getFileName().toString(), meta.get(), header, file, out, defaults)
            : Map.of();
    checkRows(file, header, rows.subList(1, rows.size()), types, defaults, out);
    return out;
  }

  private static Optional<List<CSVRecord>> parse(Path path, String file, List<EesFailure> out) {
    Optional<String> utf8 = TextBytes.read(path).utf8();
    if (utf8.isEmpty()) {
      out.add(fail(file, 0, "", "encoding", "the file is not valid UTF-8: save it as UTF-8"));
      return Optional.empty();
    }
    String text = utf8.get();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
      return Optional.of(parser.getRecords());
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      out.add(fail(file, 0, "", "csv-format", "the file is not valid CSV: " + e.getMessage()));
      return Optional.empty();
    }
  }

  private static void checkHeader(String file, List<String> header, List<EesFailure> out) {
    Set<String> seen = new HashSet<>();
    for (String name : header) {
      if (!name.matches("[a-z][a-z0-9_]*")) {
        out.add(
            fail(
                file,
                1,
                name,
                "column-name",
                "column names must be snake_case (lower-case letters, digits and _, not starting with a digit or space): '"
                    + name
                    + "'"));
      }
      if (name.length() > 50) {
        out.add(
            fail(
                file,
                1,
                name,
                "column-name",
                "column name longer than 50 characters (" + name.length() + ")"));
      }
      if (!seen.add(name)) {
        out.add(fail(file, 1, name, "column-name", "duplicate column name '" + name + "'"));
      }
    }
    for (String mandatory : MANDATORY) {
      if (!header.contains(mandatory)) {
        out.add(
            fail(
                file,
                1,
                mandatory,
                "mandatory-columns",
                "mandatory column " + mandatory + " is missing"));
      }
    }
  }

  /** Checks the metadata; returns data column -> col_type for the rows it describes. */
  private static Map<String, String> checkMeta(
      String metaFile,
      List<CSVRecord> records,
      List<String> header,
      String dataFile,
      List<EesFailure> out,
      Map<String, String> filterDefaults) {
    Map<String, String> types = new LinkedHashMap<>();
    if (records.isEmpty()) {
      out.add(fail(metaFile, 0, "", "meta-columns", "the metadata file is empty"));
      return types;
    }
    List<String> metaHeader = new ArrayList<>();
    records.get(0).forEach(metaHeader::add);
    List<String> required = EesWriter.META_COLUMNS;
    if (metaHeader.size() < required.size()
        || !metaHeader.subList(0, required.size()).equals(required)) {
      out.add(
          fail(
              metaFile,
              1,
              "",
              "meta-columns",
              "metadata columns must start "
                  + String.join(",", required)
                  + "; found "
                  + String.join(",", metaHeader)));
      return types;
    }
    for (String extra : metaHeader.subList(required.size(), metaHeader.size())) {
      if (!extra.equals("filter_default") && !extra.equals("parent_filter")) {
        out.add(
            fail(
                metaFile,
                1,
                extra,
                "meta-columns",
                "unknown metadata column '"
                    + extra
                    + "' (optional ones: filter_default, parent_filter)"));
      }
    }
    Set<String> labels = new HashSet<>();
    Set<String> groupingColumns = new HashSet<>();
    for (CSVRecord record : records.subList(1, records.size())) {
      long line = record.getRecordNumber();
      if (record.size() != metaHeader.size()) {
        out.add(
            fail(
                metaFile,
                line,
                "",
                "csv-format",
                "row has " + record.size() + " cells, the header " + metaHeader.size()));
        continue;
      }
      String name = record.get(0);
      String type = record.get(1);
      String label = record.get(2);
      String unit = record.get(4);
      String dp = record.get(5);
      String hint = record.get(6);
      String grouping = record.get(7);
      if (!header.contains(name)) {
        out.add(
            fail(
                metaFile,
                line,
                name,
                "meta-col-name",
                "col_name '" + name + "' is not a column of " + dataFile));
      } else if (GEOGRAPHY_COLUMNS.contains(name)) {
        out.add(
            fail(
                metaFile,
                line,
                name,
                "meta-col-name",
                "time and geography columns must not have metadata rows: '" + name + "'"));
      }
      if (types.containsKey(name)) {
        out.add(
            fail(
                metaFile,
                line,
                name,
                "meta-col-name",
                "col_name '" + name + "' has more than one metadata row"));
      }
      if (!type.equals("Filter") && !type.equals("Indicator")) {
        out.add(
            fail(
                metaFile,
                line,
                name,
                "meta-col-type",
                "col_type must be Filter or Indicator: '" + type + "'"));
      } else {
        types.put(name, type);
        int defaultColumn = metaHeader.indexOf("filter_default");
        if (type.equals("Filter") && defaultColumn >= 0 && !record.get(defaultColumn).isBlank()) {
          filterDefaults.put(name, record.get(defaultColumn).trim());
        }
      }
      if (label.isBlank()) {
        out.add(
            fail(
                metaFile, line, name, "meta-label", "label is blank: give a human-readable label"));
      } else if (!labels.add(label)) {
        out.add(fail(metaFile, line, name, "meta-label", "duplicate label '" + label + "'"));
      }
      if (label.length() > 100) {
        out.add(
            fail(
                metaFile,
                line,
                name,
                "char-limit",
                "label longer than 100 characters (" + label.length() + ")"));
      }
      if (!UNITS.contains(unit)) {
        out.add(
            fail(
                metaFile,
                line,
                name,
                "meta-unit",
                "indicator_unit must be blank, %, pp, £, £m or numberstring: '" + unit + "'"));
      }
      if (type.equals("Filter") && !unit.isEmpty()) {
        out.add(
            fail(
                metaFile,
                line,
                name,
                "meta-unit",
                "a filter must leave indicator_unit blank: '" + unit + "'"));
      }
      if (!dp.isEmpty() && !dp.matches("\\d+")) {
        out.add(
            fail(
                metaFile,
                line,
                name,
                "meta-dp",
                "indicator_dp must be blank or a whole number of decimal places: '" + dp + "'"));
      }
      if (type.equals("Filter") && !dp.isEmpty()) {
        out.add(
            fail(
                metaFile,
                line,
                name,
                "meta-dp",
                "a filter must leave indicator_dp blank: '" + dp + "'"));
      }
      if (!hint.isEmpty() && hint.equals(label)) {
        out.add(
            fail(
                metaFile, line, name, "meta-filter-hint", "filter_hint must not repeat the label"));
      }
      if (!grouping.isEmpty()) {
        if (!type.equals("Filter")) {
          out.add(
              fail(
                  metaFile,
                  line,
                  name,
                  "meta-grouping-column",
                  "only a filter may have a filter_grouping_column"));
        }
        if (!header.contains(grouping)) {
          out.add(
              fail(
                  metaFile,
                  line,
                  name,
                  "meta-grouping-column",
                  "filter_grouping_column '" + grouping + "' is not a column of " + dataFile));
        }
        groupingColumns.add(grouping);
      }
    }
    for (String grouping : groupingColumns) {
      if (types.containsKey(grouping)) {
        out.add(
            fail(
                metaFile,
                0,
                grouping,
                "meta-grouping-column",
                "grouping column '" + grouping + "' must not have its own metadata row"));
      }
    }
    for (String column : header) {
      if (!GEOGRAPHY_COLUMNS.contains(column)
          && !types.containsKey(column)
          && !groupingColumns.contains(column)) {
        out.add(
            fail(
                metaFile,
                0,
                column,
                "meta-missing",
                "column '"
                    + column
                    + "' of "
                    + dataFile
                    + " has no metadata row (Filter or Indicator)"));
      }
    }
    return types;
  }

  private static void checkRows(
      String file,
      List<String> header,
      List<CSVRecord> rows,
      Map<String, String> types,
      Map<String, String> filterDefaults,
      List<EesFailure> out) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Boolean> filterHasDefault = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      index.putIfAbsent(header.get(i), i);
    }
    Set<String> timeIdentifiers = new java.util.TreeSet<>();
    Set<String> keys = new HashSet<>();
    Map<String, Boolean> filterHasTotal = new LinkedHashMap<>();
    types.forEach(
        (c, t) -> {
          if (t.equals("Filter")) {
            filterHasTotal.put(c, false);
          }
        });
    for (CSVRecord record : rows) {
      long line = record.getRecordNumber();
      if (record.size() == 1 && record.get(0).isEmpty()) {
        continue;
      }
      if (record.size() != header.size()) {
        out.add(
            fail(
                file,
                line,
                "",
                "csv-format",
                "row has " + record.size() + " cells, the header " + header.size()));
        continue;
      }
      Map<String, String> cells = new LinkedHashMap<>();
      index.forEach((c, i) -> cells.put(c, record.get(i)));
      for (Map.Entry<String, String> cell : cells.entrySet()) {
        String value = cell.getValue().trim();
        if (NULL_FAIL.contains(value)) {
          out.add(
              fail(
                  file,
                  line,
                  cell.getKey(),
                  "null-value",
                  "'"
                      + value
                      + "' is not allowed: use a GSS symbol (x unavailable, z not applicable, c suppressed)"));
        } else if (NULL_WARN.contains(value)) {
          out.add(
              new EesFailure(
                  file,
                  line,
                  cell.getKey(),
                  "null-value",
                  "'" + value + "' looks like a missing value: use a GSS symbol",
                  EesFailure.Severity.WARN));
        }
      }
      String timeIdentifier = cells.getOrDefault("time_identifier", "");
      String period = cells.getOrDefault("time_period", "");
      if (index.containsKey("time_period")) {
        checkTime(file, line, period, timeIdentifier, out);
      }
      if (index.containsKey("time_identifier")) {
        timeIdentifiers.add(timeIdentifier);
      }
      if (index.containsKey("geographic_level")) {
        checkGeography(file, line, cells, index, out);
      }
      StringBuilder key = new StringBuilder(period).append('|').append(timeIdentifier);
      for (String column : header) {
        String value = cells.get(column);
        String type = types.get(column);
        if (GEOGRAPHY_COLUMNS.contains(column) && !column.startsWith("time_")) {
          key.append('|').append(value);
        } else if ("Filter".equals(type)) {
          key.append('|').append(value);
          if (value.isBlank()) {
            out.add(
                fail(
                    file,
                    line,
                    column,
                    "filter-value",
                    "filter cells must not be blank: use Total for the aggregate"));
          }
          if (value.length() > 120) {
            out.add(
                fail(
                    file,
                    line,
                    column,
                    "char-limit",
                    "filter item longer than 120 characters (" + value.length() + ")"));
          }
          if (value.equals(filterDefaults.get(column))) {
            filterHasDefault.put(column, true);
          }
          if (value.equals("Total")) {
            filterHasTotal.put(column, true);
          }
        } else if ("Indicator".equals(type)) {
          checkIndicator(file, line, column, value, out);
        }
      }
      if (!keys.add(key.toString())) {
        out.add(
            fail(
                file,
                line,
                "",
                "duplicate-row",
                "another row has the same time period, location and filters"));
      }
    }
    if (timeIdentifiers.size() > 1) {
      out.add(
          fail(
              file,
              0,
              "time_identifier",
              "time-identifier",
              "different kinds of time period in one file: " + timeIdentifiers));
    }
    filterHasTotal.forEach(
        (column, hasTotal) -> {
          String fallback = filterDefaults.get(column);
          if (fallback != null && !filterHasDefault.getOrDefault(column, false)) {
            out.add(
                fail(
                    file,
                    0,
                    column,
                    "filter-value",
                    "filter_default '"
                        + fallback
                        + "' of filter "
                        + column
                        + " is not in the"
                        + " data"));
          } else if (!hasTotal && fallback == null) {
            out.add(
                fail(
                    file,
                    0,
                    column,
                    "filter-value",
                    "filter "
                        + column
                        + " has no Total row: add one, or name its default item in the"
                        + " filter_default metadata column"));
          }
        });
  }

  private static void checkTime(
      String file, long line, String period, String identifier, List<EesFailure> out) {
    if (!period.matches("\\d{4}|\\d{6}")) {
      out.add(
          fail(
              file,
              line,
              "time_period",
              "time-period",
              "time_period must be 4 or 6 digits: '" + period + "'"));
      return;
    }
    if (period.length() == 6 && !period.equals("199900")) {
      int first = Integer.parseInt(period.substring(2, 4));
      int second = Integer.parseInt(period.substring(4, 6));
      if (second != (first + 1) % 100) {
        out.add(
            fail(
                file,
                line,
                "time_period",
                "time-period",
                "a 6-digit time_period must be two consecutive years (e.g. 201718): '"
                    + period
                    + "'"));
      }
    }
    Integer length = TIME_IDENTIFIERS.get(identifier);
    if (length == null) {
      out.add(
          fail(
              file,
              line,
              "time_identifier",
              "time-identifier",
              "unknown time_identifier '"
                  + identifier
                  + "' (e.g. Reporting year, Financial year, Academic year)"));
    } else if (length != period.length()) {
      out.add(
          fail(
              file,
              line,
              "time_period",
              "time-identifier",
              "time_identifier '"
                  + identifier
                  + "' needs a "
                  + length
                  + "-digit time_period: '"
                  + period
                  + "'"));
    }
  }

  private static void checkGeography(
      String file,
      long line,
      Map<String, String> cells,
      Map<String, Integer> index,
      List<EesFailure> out) {
    String level = cells.get("geographic_level");
    List<String> needed = LEVEL_COLUMNS.get(level);
    if (needed == null) {
      out.add(
          fail(
              file,
              line,
              "geographic_level",
              "geographic-level",
              "unknown geographic_level '"
                  + level
                  + "' (e.g. National, Regional, Local authority)"));
      return;
    }
    for (String column : List.of("country_code", "country_name")) {
      if (index.containsKey(column) && cells.get(column).isBlank()) {
        out.add(
            fail(file, line, column, "geography-columns", column + " must be filled on every row"));
      }
    }
    for (String column : needed) {
      if (!index.containsKey(column)) {
        out.add(
            fail(
                file,
                line,
                column,
                "geography-columns",
                level + " rows need the column " + column));
      } else if (cells.get(column).isBlank() && !(column.equals("new_la_code"))) {
        out.add(
            fail(
                file,
                line,
                column,
                "geography-columns",
                level + " rows need " + column + " filled"));
      }
    }
    List<String> lower =
        switch (level) {
          case "National" ->
              List.of("region_code", "region_name", "old_la_code", "new_la_code", "la_name");
          case "Regional" -> List.of("old_la_code", "new_la_code", "la_name");
          default -> List.of();
        };
    for (String column : lower) {
      if (index.containsKey(column) && !cells.get(column).isBlank()) {
        out.add(
            fail(
                file,
                line,
                column,
                "geography-columns",
                column + " must be blank on " + level + " rows"));
      }
    }
    for (Map.Entry<String, String> cell : cells.entrySet()) {
      String column = cell.getKey();
      if (!GEOGRAPHY_COLUMNS.contains(column)
          || column.startsWith("time_")
          || column.equals("geographic_level")) {
        continue;
      }
      int limit = column.endsWith("_code") ? 30 : 120;
      if (cell.getValue().length() > limit) {
        out.add(
            fail(
                file,
                line,
                column,
                "char-limit",
                column
                    + " longer than "
                    + limit
                    + " characters ("
                    + cell.getValue().length()
                    + ")"));
      }
    }
    checkLocation(
        file,
        line,
        "country_code",
        cells.get("country_code"),
        cells.get("country_name"),
        COUNTRIES,
        out);
    if (!level.equals("National")
        && index.containsKey("region_code")
        && !cells.get("region_code").isBlank()) {
      checkLocation(
          file,
          line,
          "region_code",
          cells.get("region_code"),
          cells.get("region_name"),
          REGIONS,
          out);
    }
    if (level.equals("Local authority")
        && index.containsKey("old_la_code")
        && index.containsKey("la_name")) {
      checkLa(
          file,
          line,
          cells.get("old_la_code"),
          cells.getOrDefault("new_la_code", ""),
          cells.get("la_name"),
          out);
    }
  }

  private static void checkLocation(
      String file,
      long line,
      String column,
      String code,
      String name,
      Map<String, String> known,
      List<EesFailure> out) {
    if (code == null || code.isBlank() || special(code, name)) {
      return;
    }
    String expected = known.get(code);
    if (expected == null) {
      out.add(fail(file, line, column, "location", "unknown " + column + " '" + code + "'"));
    } else if (!expected.equals(name)) {
      out.add(
          fail(
              file,
              line,
              column,
              "location",
              "code " + code + " is " + expected + ", not '" + name + "'"));
    }
  }

  private static void checkLa(
      String file, long line, String oldCode, String newCode, String name, List<EesFailure> out) {
    if (special(oldCode, name)) {
      return;
    }
    boolean known = false;
    for (LaCodeEntry entry : LaCrosswalk.entries()) {
      if (entry.oldLaCode().equals(oldCode)
          && entry.name().equals(name)
          && (newCode.isBlank() || entry.hasNewCode(newCode))) {
        known = true;
        break;
      }
    }
    if (!known) {
      out.add(
          fail(
              file,
              line,
              "old_la_code",
              "location",
              "old_la_code "
                  + oldCode
                  + ", new_la_code "
                  + newCode
                  + ", la_name '"
                  + name
                  + "' is not a known LA combination"
                  + LaCrosswalk.byOldCode(oldCode)
                      .map(e -> " (" + oldCode + " is " + e.name() + ", " + e.newLaCode() + ")")
                      .orElse("")));
    }
  }

  private static boolean special(String code, String name) {
    return (code.equals("x") && "Not available".equals(name)) || code.equals("z");
  }

  private static void checkIndicator(
      String file, long line, String column, String value, List<EesFailure> out) {
    if (value.isEmpty()) {
      out.add(
          fail(
              file,
              line,
              column,
              "indicator-value",
              "indicator cells must not be blank: use x (unavailable), z (not applicable) or c (suppressed)"));
    } else if (value.equals(":")) {
      out.add(fail(file, line, column, "indicator-value", "':' is an obsolete symbol: use x"));
    } else if (value.equals("~")) {
      out.add(fail(file, line, column, "indicator-value", "'~' is an obsolete symbol: use low"));
    } else if (!SYMBOLS.contains(value)
        && !NULL_FAIL.contains(value)
        && !NULL_WARN.contains(value)
        && !value.matches("-?(\\d+(\\.\\d+)?|\\.\\d+)([eE][-+]?\\d+)?")) {
      out.add(
          fail(
              file,
              line,
              column,
              "indicator-value",
              "'"
                  + value
                  + "' is neither a number (no thousands separators, %, £ or spaces) nor a GSS symbol (c, x, z, low, u)"));
    }
  }

  private static EesFailure fail(
      String file, long line, String column, String rule, String message) {
    return new EesFailure(file, line, column, rule, message, EesFailure.Severity.FAIL);
  }

  private static Map<String, Integer> timeIdentifiers() {
    Map<String, Integer> map = new HashMap<>();
    for (String four :
        List.of(
            "Calendar year",
            "Reporting year",
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December")) {
      map.put(four, 4);
    }
    for (int week = 1; week <= 52; week++) {
      map.put("Week " + week, 4);
    }
    for (String six :
        List.of(
            "Academic year",
            "Financial year",
            "Tax year",
            "Autumn term",
            "Spring term",
            "Summer term",
            "Autumn and spring term",
            "Financial year Q1",
            "Financial year Q2",
            "Financial year Q3",
            "Financial year Q4",
            "Part 1 (April to September)",
            "Part 2 (October to March)")) {
      map.put(six, 6);
    }
    return Map.copyOf(map);
  }

  private static Map<String, List<String>> levelColumns() {
    Map<String, List<String>> map = new HashMap<>();
    map.put("National", List.of());
    map.put("Regional", List.of("region_code", "region_name"));
    map.put("Local authority", List.of("old_la_code", "new_la_code", "la_name"));
    map.put("Local authority district", List.of("lad_code", "lad_name"));
    map.put(
        "English devolved area",
        List.of("english_devolved_area_code", "english_devolved_area_name"));
    map.put("Parliamentary constituency", List.of("pcon_code", "pcon_name"));
    map.put("Ward", List.of("ward_code", "ward_name"));
    return Map.copyOf(map);
  }

  private static Set<String> geographyColumns() {
    Set<String> set = new HashSet<>(EesWriter.IDENTIFIER_COLUMNS);
    for (List<String> columns : levelColumns().values()) {
      set.addAll(columns);
    }
    return Set.copyOf(set);
  }

  private static Map<String, String> regions() {
    Map<String, String> map = new HashMap<>();
    map.put("E12000001", "North East");
    map.put("E12000002", "North West");
    map.put("E12000003", "Yorkshire and The Humber");
    map.put("E12000004", "East Midlands");
    map.put("E12000005", "West Midlands");
    map.put("E12000006", "East of England");
    map.put("E12000007", "London");
    map.put("E12000008", "South East");
    map.put("E12000009", "South West");
    map.put("E13000001", "Inner London");
    map.put("E13000002", "Outer London");
    return Map.copyOf(map);
  }
}
