package org.soseval.pipeline.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.soseval.pipeline.instruments.InstrumentReader;
import org.soseval.pipeline.instruments.InstrumentSchema;
import org.soseval.pipeline.lake.LakeRow;
import org.soseval.pipeline.lake.LakeTable;
import org.soseval.pipeline.lake.LakeTable.Column;
import org.soseval.pipeline.lake.LakeTable.Type;
import org.soseval.pipeline.privacy.Degrade;
import org.soseval.pipeline.privacy.Pseudonymiser;
import org.soseval.pipeline.schemas.CsvColumn;
import org.soseval.pipeline.schemas.CsvSchema;
import org.soseval.pipeline.schemas.CsvTable;
import org.soseval.pipeline.schemas.IdentifierClass;
import org.soseval.pipeline.schemas.IngestSpec;

/**
 * Reads an SSDA903 return, as CSV tables (the table recognised by its column set) or as one XML
 * ({@link Ssda903XmlReader}). Both forms give {@link Record}s of the CSV tables, which go through
 * one validation path: each row is checked against the schema of the collection year and the
 * episode rules, its identifiers pseudonymised and degraded, and it is sent to the lake ({@code
 * ssda903_<table>}) or the quarantine.
 */
final class Ssda903Ingester {
  static final String PREFIX = "ssda903_";

  /** The header of a CSV: its table, and columns the table does not know (dropped). */
  record Match(CsvTable table, List<String> header, List<String> dropped) {}

  /** What an XML return held that was not ingested, as messages for the ledger. */
  record XmlNotes(List<String> messages) {}

  private final CsvSchema schema;
  private final IngestSpec spec;
  private final Pseudonymiser pseudonymiser;
  private final Map<String, LakeTable> lakeTables = new LinkedHashMap<>();
  private final Ssda903XmlReader xmlReader;

  Ssda903Ingester(CsvSchema schema, IngestSpec spec, Pseudonymiser pseudonymiser) {
    this.schema = schema;
    this.spec = spec;
    this.pseudonymiser = pseudonymiser;
    this.xmlReader = new Ssda903XmlReader(schema, spec);
    for (CsvTable table : schema.tables()) {
      lakeTables.put(table.name(), lakeTable(table, spec));
    }
  }

  Map<String, LakeTable> lakeTables() {
    return lakeTables;
  }

  /** The header line of {@code file}. */
  static List<String> header(Path file) throws FileRejected {
    CsvText.Encoding encoding = CsvText.detect(file);
    try (Reader reader = CsvText.open(file, encoding);
        CSVParser parser = CSVParser.parse(reader, CSVFormat.DEFAULT)) {
      for (CSVRecord record : parser) {
        List<String> names = new ArrayList<>();
        record.forEach(name -> names.add(name.strip().toUpperCase(Locale.ROOT)));
        return names;
      }
      throw new FileRejected("the file is empty (no header line)");
    } catch (IOException | UncheckedIOException e) {
      throw notReadable(e);
    }
  }

  /** The table whose columns {@code header} has; rejects direct identifiers and ambiguity. */
  Match match(List<String> header) throws FileRejected {
    Set<String> seen = new LinkedHashSet<>();
    for (String name : header) {
      if (spec.isDirectIdentifier(name)) {
        throw new FileRejected(
            "its column "
                + name
                + " is a direct identifier (a name, address, postcode or NHS number); remove the"
                + " column and deposit the file again");
      }
      if (!name.isEmpty() && !seen.add(name)) {
        throw new FileRejected(
            (known(name) ? "column " + name : "a column name")
                + " appears twice in the header; keep one and deposit it again");
      }
    }
    CsvTable best = null;
    int bestScore = -1;
    boolean tie = false;
    for (CsvTable table : schema.tables()) {
      List<String> columns = table.columns().stream().map(CsvColumn::name).toList();
      boolean hasRequired =
          table.columns().stream()
              .filter(CsvColumn::required)
              .allMatch(column -> seen.contains(column.name()));
      if (!hasRequired) {
        continue;
      }
      int score = (int) seen.stream().filter(columns::contains).count();
      if (score > bestScore) {
        best = table;
        bestScore = score;
        tie = false;
      } else if (score == bestScore) {
        tie = true;
      }
    }
    if (best == null) {
      throw new FileRejected(noTable(header, seen));
    }
    if (tie) {
      throw new FileRejected(
          "its columns ("
              + String.join(",", header)
              + ") match more than one SSDA903 table; the columns of each table are listed in"
              + " docs/ingest.md");
    }
    List<String> known = best.columns().stream().map(CsvColumn::name).toList();
    List<String> dropped =
        seen.stream().filter(name -> !known.contains(name) && !name.isEmpty()).toList();
    return new Match(best, header, dropped);
  }

  private static FileRejected notReadable(Exception e) {
    return new FileRejected(
        "it is not readable CSV: "
            + InstrumentReader.csvProblem(e)
            + "; a field that opens with a quote must close with one, and a quote inside a field is"
            + " written twice: correct it and deposit it again",
        e);
  }

  /** Whether {@code name} is a column of some SSDA903 table or instrument. */
  private boolean known(String name) {
    return schema.tables().stream()
            .anyMatch(table -> table.columns().stream().anyMatch(c -> c.name().equals(name)))
        || InstrumentSchema.all().stream()
            .anyMatch(
                instrument -> instrument.columnNames().contains(name.toLowerCase(Locale.ROOT)));
  }

  /**
   * Why a header matches no table. Its first line may be data (a file without a header line), so
   * only names of SSDA903 columns are repeated, never other text.
   */
  private String noTable(List<String> header, Set<String> seen) {
    if (header.size() == 1 && header.get(0).matches(".*[;\\t|].*")) {
      return "its first line is one column holding semicolons, tabs or bars: the file is not"
          + " separated by commas; save it as CSV (comma-separated) and deposit it again";
    }
    List<String> shown = header.stream().map(name -> known(name) ? name : "?").toList();
    String columns =
        "its columns ("
            + String.join(",", shown)
            + (shown.contains("?") ? "; ? is a column of no table, not repeated here" : "")
            + ")";
    if (!seen.contains(spec.childId())) {
      return columns
          + " have no "
          + spec.childId()
          + ", so it is no SSDA903 table (docs/ingest.md), and no la_code, so it is no instrument"
          + " file (docs/instruments.md); the first line must name the columns";
    }
    return columns
        + " match no SSDA903 table; the columns of each table are listed in docs/ingest.md";
  }

  /** The event dates of {@code column} in {@code file} (for telling the collection year). */
  static List<LocalDate> dates(Path file, String column) throws FileRejected {
    CsvText.Encoding encoding = CsvText.detect(file);
    List<LocalDate> dates = new ArrayList<>();
    try (Reader reader = CsvText.open(file, encoding);
        CSVParser parser = CSVParser.parse(reader, CSVFormat.DEFAULT)) {
      int index = -1;
      for (CSVRecord record : parser) {
        if (index < 0) {
          for (int i = 0; i < record.size(); i++) {
            if (record.get(i).strip().equalsIgnoreCase(column)) {
              index = i;
            }
          }
          if (index < 0) {
            return dates;
          }
          continue;
        }
        if (index < record.size()) {
          Values.date(record.get(index), true).ifPresent(dates::add);
        }
      }
      return dates;
    } catch (IOException | UncheckedIOException e) {
      throw notReadable(e);
    }
  }

  /**
   * One row of one table as read from either form of the return: its values by CSV column name,
   * where it was ({@code line N} of a CSV, {@code line N: /EXPSSDA903/CHILD[3]/EPISODE[2]} of an
   * XML), and the problems found while reading it.
   */
  static final class Record {
    final String location;
    final Map<String, String> values = new LinkedHashMap<>();
    final List<Violation> violations = new ArrayList<>();

    Record(String location) {
      this.location = location;
    }

    Optional<String> value(String name) {
      String value = values.get(name);
      return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
  }

  /**
   * Reads {@code file} as {@code match}'s table of collection year {@code year} for LA {@code la}.
   */
  void ingest(Path file, String sourceName, Match match, String la, int year, RowSink sink)
      throws FileRejected {
    CsvTable table = match.table();
    CsvText.Encoding encoding = CsvText.detect(file);
    List<Record> lines = new ArrayList<>();
    try (Reader reader = CsvText.open(file, encoding);
        CSVParser parser = CSVParser.parse(reader, CSVFormat.DEFAULT)) {
      boolean first = true;
      long lineNumber = 1;
      for (CSVRecord record : parser) {
        if (first) {
          first = false;
          lineNumber = parser.getCurrentLineNumber();
          continue;
        }
        long start = lineNumber + 1;
        lineNumber = parser.getCurrentLineNumber();
        if (record.size() == 1 && record.get(0).isBlank()) {
          continue; // a blank line is not a row
        }
        Record line = new Record("line " + start);
        for (int i = 0; i < match.header().size(); i++) {
          String name = match.header().get(i);
          line.values.putIfAbsent(name, i < record.size() ? record.get(i) : null);
        }
        if (record.size() != match.header().size()) {
          line.violations.add(
              new Violation(
                  "(line)",
                  "FIELD_COUNT",
                  String.format(
                      Locale.ROOT,
                      "line %d has %d fields but the header has %d",
                      start,
                      record.size(),
                      match.header().size())));
        }
        lines.add(line);
      }
    } catch (IOException | UncheckedIOException e) {
      throw notReadable(e);
    }
    rows(table, lines, la, year, sourceName, sink);
  }

  /**
   * Reads {@code file}, an SSDA903 return as XML, as collection year {@code year} for LA {@code
   * la}: one child at a time, each table's rows of the child through {@link #rows}.
   */
  XmlNotes ingestXml(Path file, String sourceName, String la, int year, RowSink sink)
      throws FileRejected {
    Set<String> children = new HashSet<>();
    long[] repeatedChildren = {0};
    Ssda903XmlReader.Notes notes =
        xmlReader.read(
            file,
            child -> {
              for (Record header : child.getOrDefault("header", List.of())) {
                if (header.value(spec.childId()).filter(id -> !children.add(id)).isPresent()) {
                  repeatedChildren[0]++;
                }
              }
              for (Map.Entry<String, List<Record>> table : child.entrySet()) {
                rows(schema.table(table.getKey()), table.getValue(), la, year, sourceName, sink);
              }
            });
    List<String> messages = new ArrayList<>();
    if (!notes.unknown().isEmpty()) {
      messages.add("elements not in the schema were not ingested: " + counted(notes.unknown()));
    }
    if (!notes.repeated().isEmpty()) {
      messages.add("repeated elements (the first was kept): " + counted(notes.repeated()));
    }
    if (repeatedChildren[0] > 0) {
      messages.add(
          repeatedChildren[0]
              + " <CHILD> elements repeat the CHILDID of an earlier one: the episode rules were"
              + " checked within each <CHILD>");
    }
    return new XmlNotes(messages);
  }

  private static String counted(Map<String, Integer> paths) {
    List<String> parts = new ArrayList<>();
    paths.forEach((path, count) -> parts.add(path + (count > 1 ? " (" + count + ")" : "")));
    return String.join(", ", parts);
  }

  /** The dates in {@code column} of {@code table}'s rows in the XML return {@code file}. */
  List<LocalDate> xmlDates(Path file, String table, String column) throws FileRejected {
    List<LocalDate> dates = new ArrayList<>();
    xmlReader.read(
        file,
        child -> {
          for (Record record : child.getOrDefault(table, List.of())) {
            record.value(column).flatMap(text -> Values.date(text, true)).ifPresent(dates::add);
          }
        });
    return dates;
  }

  /**
   * Validates the rows of one table that belong together (a CSV file, or one child of an XML),
   * applies the episode rules across them, and sends each to the lake or the quarantine.
   */
  private void rows(
      CsvTable table, List<Record> records, String la, int year, String sourceName, RowSink sink) {
    for (Record record : records) {
      checkFields(table, record, year);
    }
    if (table.name().equals("episodes")) {
      episodeRules(records, year);
    }
    if (!table.years().contains(year)) {
      for (Record record : records) {
        record.violations.add(
            new Violation(
                "(table)",
                "TABLE_NOT_IN_YEAR",
                "the " + table.name() + " table is not collected in collection year " + year));
      }
    }
    LakeTable lake = lakeTables.get(table.name());
    for (Record record : records) {
      emit(table, lake, record, la, year, sourceName, sink);
    }
  }

  private void checkFields(CsvTable table, Record line, int year) {
    LocalDate yearEnd = LocalDate.of(year, 3, 31);
    for (CsvColumn column : table.columns()) {
      Optional<String> value = line.value(column.name());
      if (value.isEmpty()) {
        if (column.required() && column.years().contains(year)) {
          line.violations.add(
              new Violation(
                  column.name(),
                  "REQUIRED",
                  column.name() + " is required but blank on " + line.location));
        }
        continue;
      }
      String text = value.get();
      String shown = column.identifier() == IdentifierClass.NONE ? " '" + text + "'" : "";
      String where = " (" + line.location + ")";
      switch (column.type()) {
        case DATE -> {
          Optional<LocalDate> date = Values.date(text, true);
          if (date.isEmpty()) {
            line.violations.add(
                new Violation(
                    column.name(),
                    "TYPE_DATE",
                    column.name() + shown + " is not a date (dd/mm/yyyy or yyyy-mm-dd)" + where));
          } else if (spec.eventDates().contains(column.name()) && date.get().isAfter(yearEnd)) {
            line.violations.add(
                new Violation(
                    column.name(),
                    "DATE_AFTER_YEAR_END",
                    String.format(
                        Locale.ROOT,
                        "%s %s is after 31 March %d, the end of the collection year%s",
                        column.name(),
                        date.get(),
                        year,
                        where)));
          }
        }
        case INTEGER, YEAR -> {
          Optional<Integer> number = Values.integer(text);
          if (number.isEmpty()) {
            line.violations.add(
                new Violation(
                    column.name(),
                    "TYPE_INTEGER",
                    column.name() + shown + " is not a whole number" + where));
          } else if (number.get() < 0) {
            line.violations.add(
                new Violation(
                    column.name(),
                    "INTEGER_NEGATIVE",
                    column.name() + shown + " must not be negative" + where));
          }
        }
        case BOOLEAN -> {
          if (Values.bool(text).isEmpty()) {
            line.violations.add(
                new Violation(
                    column.name(),
                    "TYPE_BOOLEAN",
                    column.name() + shown + " is not 1/0/true/false" + where));
          }
        }
        case CODE -> {
          String list = column.codeList().orElseThrow();
          if (!schema.codeList(list).isValid(text, year)) {
            line.violations.add(
                new Violation(
                    column.name(),
                    "CODE_NOT_IN_LIST",
                    String.format(
                        Locale.ROOT,
                        "%s%s is not a valid %s code in collection year %d%s",
                        column.name(),
                        shown,
                        list,
                        year,
                        where)));
          }
        }
        case STRING, DATETIME -> {
          if (column.identifier() == IdentifierClass.POSTCODE
              && Degrade.postcodeSector(text).isEmpty()) {
            line.violations.add(
                new Violation(
                    column.name(),
                    "POSTCODE_FORMAT",
                    column.name()
                        + " is not a UK postcode, so it cannot be reduced to its sector"
                        + where));
          }
        }
      }
    }
  }

  /** The episode rules, per child, scoped to episodes in the collection year. */
  private void episodeRules(List<Record> lines, int year) {
    LocalDate yearStart = LocalDate.of(year - 1, 4, 1);
    Map<String, List<Record>> byChild = new LinkedHashMap<>();
    for (Record line : lines) {
      line.value("CHILD")
          .ifPresent(child -> byChild.computeIfAbsent(child, c -> new ArrayList<>()).add(line));
    }
    for (List<Record> episodes : byChild.values()) {
      List<Record> dated =
          episodes.stream()
              .filter(line -> line.value("DECOM").flatMap(t -> Values.date(t, true)).isPresent())
              .sorted(Comparator.comparing((Record line) -> decom(line)))
              .toList();
      if (dated.isEmpty()) {
        continue;
      }
      Record first = dated.get(0);
      if (!decom(first).isBefore(yearStart) && !first.value("RNE").orElse("").equals("S")) {
        first.violations.add(
            new Violation(
                "RNE",
                "903_FIRST_EPISODE_NOT_S",
                String.format(
                    Locale.ROOT,
                    "the child's first episode (%s, DECOM %s) starts in the collection year"
                        + " but its RNE is '%s', not S",
                    first.location,
                    decom(first),
                    first.value("RNE").orElse(""))));
      }
      for (int i = 0; i < dated.size(); i++) {
        Record episode = dated.get(i);
        if (!episode.value("REC").orElse("").equals("X1")) {
          continue;
        }
        Optional<LocalDate> dec = episode.value("DEC").flatMap(t -> Values.date(t, true));
        if (dec.isEmpty() || dec.get().isBefore(yearStart)) {
          continue;
        }
        Optional<LocalDate> next =
            i + 1 < dated.size() ? Optional.of(decom(dated.get(i + 1))) : Optional.empty();
        if (next.isEmpty() || !next.get().equals(dec.get())) {
          episode.violations.add(
              new Violation(
                  "DEC",
                  "903_EPISODE_CHAIN",
                  String.format(
                      Locale.ROOT,
                      "the episode on %s ends %s with REC X1 but the child's next episode %s",
                      episode.location,
                      dec.get(),
                      next.map(date -> "starts " + date).orElse("is missing"))));
        }
      }
    }
  }

  private static LocalDate decom(Record line) {
    return line.value("DECOM").flatMap(t -> Values.date(t, true)).orElseThrow();
  }

  private void emit(
      CsvTable table,
      LakeTable lake,
      Record line,
      String la,
      int year,
      String sourceName,
      RowSink sink) {
    Object[] values = new Object[lake.columns().size()];
    Map<String, String> shown = new LinkedHashMap<>();
    int index = 0;
    values[index++] = year;
    Optional<String> child = line.value(spec.childId());
    String childKey = child.map(id -> pseudonymiser.child(la, id)).orElse(null);
    values[index++] = childKey;
    shown.put("child_key", childKey == null ? "" : childKey);
    Optional<LocalDate> birth = line.value("DOB").flatMap(t -> Values.date(t, true));
    for (CsvColumn column : table.columns()) {
      if (column.name().equals(spec.childId())) {
        continue;
      }
      Optional<String> text = line.value(column.name());
      boolean failed = line.violations.stream().anyMatch(v -> v.field().equals(column.name()));
      Object value = text.isEmpty() ? null : convert(column, text.get(), failed);
      values[index++] = value;
      String name = lakeColumnName(column);
      if (value != null) {
        shown.put(name, value.toString());
      } else if (text.isEmpty()) {
        shown.put(name, "");
      } else {
        shown.put(
            name,
            column.identifier() == IdentifierClass.NONE ? text.get() : "(invalid value withheld)");
      }
    }
    Optional<IngestSpec.KeySpec> key = spec.key(table.name());
    if (key.isPresent() && table.columns().stream().anyMatch(c -> c.name().equals("DOB"))) {
      Optional<LocalDate> event = line.value(key.get().field()).flatMap(t -> Values.date(t, true));
      values[index++] =
          birth.isPresent() && event.isPresent()
              ? Degrade.ageInYears(birth.get(), event.get()).orElse(null)
              : null;
    }
    if (line.violations.isEmpty()) {
      sink.accept(new LakeRow(lake, la, year, values));
    } else {
      sink.quarantine(
          Quarantine.row(
              lake.folder(), la, year, sourceName, line.location, line.violations, shown));
    }
  }

  private Object convert(CsvColumn column, String text, boolean failed) {
    if (column.identifier() == IdentifierClass.PSEUDONYMISE) {
      return pseudonymiser.national(column.name().equals("UPN") ? "upn" : column.name(), text);
    }
    if (failed) {
      return null;
    }
    if (column.identifier() == IdentifierClass.POSTCODE) {
      return Degrade.postcodeSector(text).orElse(null);
    }
    return switch (column.type()) {
      case DATE -> {
        LocalDate date = Values.date(text, true).orElse(null);
        yield date != null && column.identifier() == IdentifierClass.DATE_OF_BIRTH
            ? Degrade.firstOfMonth(date)
            : date;
      }
      case INTEGER, YEAR -> Values.integer(text).orElse(null);
      case BOOLEAN -> Values.bool(text).orElse(null);
      case STRING, CODE, DATETIME -> text;
    };
  }

  private static String lakeColumnName(CsvColumn column) {
    return column.identifier() == IdentifierClass.PSEUDONYMISE
        ? column.name() + "_key"
        : column.name();
  }

  private static LakeTable lakeTable(CsvTable table, IngestSpec spec) {
    List<Column> columns = new ArrayList<>();
    columns.add(new Column("collection_year", Type.INTEGER, "collection year of the return"));
    columns.add(new Column("child_key", Type.STRING, "HMAC-SHA-256 pseudonym of LA and CHILD"));
    for (CsvColumn column : table.columns()) {
      if (column.name().equals(spec.childId())) {
        continue;
      }
      String description =
          switch (column.identifier()) {
            case PSEUDONYMISE -> "HMAC-SHA-256 pseudonym of " + column.name();
            case DATE_OF_BIRTH -> column.name() + ", reduced to the first of its month";
            case POSTCODE -> column.name() + ", reduced to the postcode sector";
            default ->
                column.name()
                    + column.codeList().map(list -> " (code list " + list + ")").orElse("");
          };
      columns.add(
          new Column(lakeColumnName(column), CinLayout.columnType(column.type()), description));
    }
    Optional<IngestSpec.KeySpec> key = spec.key(table.name());
    if (key.isPresent() && table.columns().stream().anyMatch(c -> c.name().equals("DOB"))) {
      columns.add(
          new Column(
              "age_at_" + key.get().as(),
              Type.INTEGER,
              "age in whole years on " + key.get().field() + ", from the exact DOB"));
    }
    return new LakeTable(PREFIX + table.name(), columns);
  }
}
