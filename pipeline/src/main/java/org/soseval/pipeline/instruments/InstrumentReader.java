package org.soseval.pipeline.instruments;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.soseval.pipeline.PipelineErrors;
import org.soseval.pipeline.PipelineException;
import org.soseval.pipeline.files.TextBytes;
import org.soseval.pipeline.instruments.InstrumentSchema.Column;
import org.soseval.pipeline.instruments.InstrumentSchema.Item;
import org.soseval.pipeline.instruments.InstrumentSchema.Type;
import org.soseval.pipeline.privacy.Pseudonymiser;

/**
 * Reads one instrument CSV: recognises the instrument by its column set (and, for the two surveys,
 * which share a layout, by their item ids), checks every value against {@link InstrumentSchema},
 * pseudonymises identifiers, and returns the valid rows with a {@link RowProblem} for every row
 * that broke a rule. A file that cannot be read as a whole is rejected with a {@link
 * PipelineException} (kind input rejected) whose message names the file, the rule and the fix.
 *
 * <p>Encoding: UTF-8 with or without a byte-order mark; a file that is not valid UTF-8 is read as
 * Windows-1252 with a warning (product.md "Ingest rules"); UTF-16 and binary files are rejected.
 * Dates are ISO {@code yyyy-mm-dd} or {@code d/m/yyyy} (as ingest reads the returns), and not after
 * today; codes match case-insensitively and are stored as the code list spells them; an integer may
 * be written {@code 10.0}; numbers are normalised ({@code 7.50} is {@code 7.5}). Identifiers are
 * pseudonymised with {@link Pseudonymiser#local} in their column's namespace, keyed by the row's
 * LA. Rejected rows are kept as the quarantine shows them ({@link InstrumentFile#rejected}).
 */
public final class InstrumentReader {
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
  private static final DateTimeFormatter UK_DATE =
      DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
  private static final Pattern LA_CODE = Pattern.compile("\\d{3}");
  private static final Pattern NUMBER = Pattern.compile("-?(\\d+\\.?\\d*|\\.\\d+)");

  /** What a quarantined row shows for an identifier that failed its rule (it may be a name). */
  static final String WITHHELD = "(invalid value withheld)";

  /** Column names that carry direct identifiers: a file with one is refused (product.md). */
  private static final Pattern DIRECT_IDENTIFIER =
      Pattern.compile(
          ".*(name|address|postcode|post_code|nhs|email|phone|telephone|dob|birth|upn|ni_number)"
              + ".*");

  private InstrumentReader() {}

  /**
   * Reads and validates {@code file}.
   *
   * @throws PipelineException (input rejected) when the file cannot be read as an instrument
   */
  public static InstrumentFile read(Path file, Pseudonymiser pseudonymiser) {
    try {
      return readOrReject(file, pseudonymiser);
    } catch (Rejection rejection) {
      throw PipelineErrors.inputRejected(
          "Cannot read instrument file " + file,
          rejection.cause + " [" + rejection.rule + "]",
          rejection.fix);
    }
  }

  /** As {@link #read}, but a rejected file is returned as its {@link FileProblem}. */
  public static Result attempt(Path file, Pseudonymiser pseudonymiser) {
    try {
      return new Result(Optional.of(readOrReject(file, pseudonymiser)), Optional.empty());
    } catch (Rejection rejection) {
      return new Result(
          Optional.empty(),
          Optional.of(
              new FileProblem(file, rejection.rule, rejection.cause + ". " + rejection.fix)));
    }
  }

  /** A file read, or the reason it was rejected whole. */
  public record Result(Optional<InstrumentFile> file, Optional<FileProblem> problem) {}

  private static final class Rejection extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String rule;
    private final String cause;
    private final String fix;

    Rejection(String rule, String cause, String fix) {
      super(cause, null, false, false);
      this.rule = rule;
      this.cause = cause;
      this.fix = fix;
    }
  }

  private static InstrumentFile readOrReject(Path file, Pseudonymiser pseudonymiser) {
    Objects.requireNonNull(pseudonymiser, "pseudonymiser is null");
    List<String> warnings = new ArrayList<>();
    String text = decode(file, warnings);
    try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
      List<CSVRecord> records = new ArrayList<>();
      List<Long> lines = new ArrayList<>(); // where each record starts: quoted line breaks count
      long next = 1;
      for (CSVRecord record : parser) {
        records.add(record);
        lines.add(next);
        next = parser.getCurrentLineNumber() + 1;
      }
      if (records.isEmpty() || blank(records.get(0))) {
        throw reject(
            file,
            "header",
            "the file is empty or its first line is blank",
            "Give the" + " column names on the first line");
      }
      List<String> header = new ArrayList<>();
      for (String name : records.get(0)) {
        header.add(name.trim().toLowerCase(Locale.ROOT));
      }
      unnamedColumnsAreBlank(file, header, records, lines);
      InstrumentSchema schema = recognise(file, header, records);
      return validate(file, schema, header, records, lines, pseudonymiser, warnings);
    } catch (IOException | UncheckedIOException e) {
      throw reject(
          file,
          "csv-format",
          "it is not a readable CSV (" + csvProblem(e) + ")",
          "Save it as comma-separated values; a field that opens with a quote must close with one,"
              + " and a quote inside a field is written twice");
    }
  }

  private static String decode(Path file, List<String> warnings) {
    TextBytes text = TextBytes.read(file);
    if (text.utf16()) {
      throw reject(file, "encoding", "it is UTF-16 encoded", "Save it as CSV UTF-8");
    }
    if (text.hasNul()) {
      throw reject(
          file,
          "encoding",
          "it holds NUL bytes, so it is not a text CSV (a spreadsheet or UTF-16 file?)",
          "Export the sheet as CSV UTF-8");
    }
    return text.utf8()
        .orElseGet(
            () -> {
              warnings.add(
                  file.getFileName()
                      + " is not valid UTF-8: read as Windows-1252; save it as CSV UTF-8");
              return text.windows1252();
            });
  }

  /**
   * A column without a name (trailing commas on the header, as spreadsheets export) is ignored when
   * it holds nothing; one that holds values rejects the file: they cannot be told apart from a
   * column of names.
   */
  private static void unnamedColumnsAreBlank(
      Path file, List<String> header, List<CSVRecord> records, List<Long> lines) {
    for (int column = 0; column < header.size(); column++) {
      if (!header.get(column).isEmpty()) {
        continue;
      }
      for (int r = 1; r < records.size(); r++) {
        CSVRecord record = records.get(r);
        if (column < record.size() && !record.get(column).isBlank()) {
          throw reject(
              file,
              "columns",
              String.format(
                  Locale.ROOT,
                  "column %d has no name on the header line but holds values (line %d)",
                  column + 1,
                  lines.get(r)),
              "Name the column or delete it, and deposit the file again");
        }
      }
    }
  }

  private static InstrumentSchema recognise(Path file, List<String> header, List<CSVRecord> rows) {
    List<String> named = header.stream().filter(name -> !name.isEmpty()).toList();
    Set<String> columns = new LinkedHashSet<>(named);
    if (columns.size() != named.size()) {
      throw reject(
          file,
          "duplicate-column",
          "a column name appears twice: " + named,
          "Remove the repeated column");
    }
    Set<String> known = new TreeSet<>();
    InstrumentSchema.all().forEach(schema -> known.addAll(schema.columnNames()));
    for (String column : header) {
      if (!known.contains(column) && DIRECT_IDENTIFIER.matcher(column).matches()) {
        throw reject(
            file,
            "direct-identifier",
            "column '"
                + column
                + "' looks like a direct"
                + " identifier (names, addresses, dates of birth are never read)",
            "Remove the column and deposit the file again");
      }
    }
    List<InstrumentSchema> candidates = new ArrayList<>();
    InstrumentSchema nearest = null;
    int nearestScore = Integer.MAX_VALUE;
    for (InstrumentSchema schema : InstrumentSchema.all()) {
      Set<String> missing = new LinkedHashSet<>(schema.requiredColumns());
      missing.removeAll(columns);
      Set<String> unknown = new LinkedHashSet<>(columns);
      schema.columnNames().forEach(unknown::remove);
      if (missing.isEmpty() && unknown.isEmpty()) {
        candidates.add(schema);
      }
      int score = missing.size() + unknown.size();
      if (score < nearestScore) {
        nearestScore = score;
        nearest = schema;
      }
    }
    if (candidates.isEmpty()) {
      Set<String> missing = new LinkedHashSet<>(nearest.requiredColumns());
      missing.removeAll(columns);
      Set<String> unknown = new LinkedHashSet<>(columns);
      nearest.columnNames().forEach(unknown::remove);
      throw reject(
          file,
          "columns",
          String.format(
              Locale.ROOT,
              "its columns %s match no"
                  + " instrument; nearest is %s, which is missing %s and does not have %s",
              named,
              nearest.instrument(),
              missing,
              unknown),
          "Use the columns of" + " data-schemas/instruments/" + nearest.instrument() + ".yaml");
    }
    if (candidates.size() == 1) {
      return candidates.get(0);
    }
    return byItems(file, header, rows, candidates);
  }

  /** Same columns (the two surveys): the instrument whose catalogue holds most of the item ids. */
  private static InstrumentSchema byItems(
      Path file, List<String> header, List<CSVRecord> rows, List<InstrumentSchema> candidates) {
    Optional<Column> itemColumn =
        candidates.get(0).columns().stream()
            .filter(column -> column.kind() == InstrumentSchema.Type.ITEM)
            .findFirst();
    int index = itemColumn.map(column -> header.indexOf(column.name())).orElse(-1);
    InstrumentSchema best = null;
    int bestCount = 0;
    boolean tie = false;
    for (InstrumentSchema schema : candidates) {
      int count = 0;
      for (int i = 1; i < rows.size(); i++) {
        if (index >= 0
            && index < rows.get(i).size()
            && schema.item(rows.get(i).get(index).trim().toLowerCase(Locale.ROOT)).isPresent()) {
          count++;
        }
      }
      if (count > bestCount) {
        best = schema;
        bestCount = count;
        tie = false;
      } else if (count == bestCount && count > 0) {
        tie = true;
      }
    }
    if (best == null || tie) {
      String name = file.getFileName().toString();
      for (InstrumentSchema schema : candidates) {
        if (name.startsWith(schema.instrument())) {
          return schema;
        }
      }
      throw reject(
          file,
          "columns",
          "its columns fit "
              + candidates.stream().map(InstrumentSchema::instrument).toList()
              + " and its item ids decide neither",
          "Name the file after its instrument (e.g. family_survey.csv) or use catalogue item ids");
    }
    return best;
  }

  private static InstrumentFile validate(
      Path file,
      InstrumentSchema schema,
      List<String> header,
      List<CSVRecord> records,
      List<Long> lines,
      Pseudonymiser pseudonymiser,
      List<String> warnings) {
    List<InstrumentRow> rows = new ArrayList<>();
    List<InstrumentRow> rejected = new ArrayList<>();
    List<RowProblem> problems = new ArrayList<>();
    Map<String, Long> firstLineOfKey = new HashMap<>();
    Map<String, Map<String, String>> valuesOfKey = new HashMap<>();
    long read = 0;
    int laIndex = header.indexOf("la_code");
    for (int r = 1; r < records.size(); r++) {
      CSVRecord record = records.get(r);
      long line = lines.get(r);
      if (r == records.size() - 1 && blank(record)) {
        break; // the empty string after a final newline is not a row
      }
      read++;
      List<RowProblem> rowProblems = new ArrayList<>();
      Map<String, String> values = new LinkedHashMap<>();
      Map<String, String> shown = new LinkedHashMap<>();
      if (blank(record)) {
        rowProblems.add(new RowProblem(file, line, "(row)", "blank-row", "", "the row is blank"));
      } else if (record.size() != header.size()) {
        rowProblems.add(
            new RowProblem(
                file,
                line,
                "(row)",
                "csv-format",
                "",
                String.format(
                    Locale.ROOT,
                    "the row has %d cells, the header %d",
                    record.size(),
                    header.size())));
        for (Column column : schema.columns()) {
          int index = header.indexOf(column.name());
          String raw = index < 0 || index >= record.size() ? "" : record.get(index).trim();
          shown.put(column.lakeName(), column.kind() == Type.IDENTIFIER ? WITHHELD : raw);
        }
      } else {
        String la = laIndex < 0 ? "" : record.get(laIndex).trim();
        for (Column column : schema.columns()) {
          int index = header.indexOf(column.name());
          String raw = index < 0 ? "" : record.get(index).trim();
          int before = rowProblems.size();
          Optional<String> value =
              check(file, line, schema, column, raw, la, pseudonymiser, rowProblems);
          value.ifPresent(v -> values.put(column.name(), v));
          boolean failed = rowProblems.size() > before;
          shown.put(
              column.lakeName(),
              !failed ? value.orElse("") : column.kind() == Type.IDENTIFIER ? WITHHELD : raw);
        }
        if (rowProblems.isEmpty()) {
          rowRules(file, line, schema, values, rowProblems);
        }
        if (rowProblems.isEmpty()) {
          String key = schema.keyOf(values);
          Long first = firstLineOfKey.putIfAbsent(key, line);
          if (first != null) {
            boolean identical = valuesOfKey.get(key).equals(values);
            rowProblems.add(
                new RowProblem(
                    file,
                    line,
                    "(row)",
                    identical ? "duplicate-row" : "duplicate-key",
                    "",
                    String.format(
                        Locale.ROOT,
                        "%s line %d (the same %s); the first is kept",
                        identical ? "repeats" : "conflicts with",
                        first,
                        schema.key())));
          } else {
            valuesOfKey.put(key, values);
          }
        }
      }
      if (rowProblems.isEmpty()) {
        rows.add(new InstrumentRow(line, values));
      } else {
        problems.addAll(rowProblems);
        rejected.add(new InstrumentRow(line, shown));
      }
    }
    return new InstrumentFile(file, schema, rows, rejected, problems, warnings, read);
  }

  private static Optional<String> check(
      Path file,
      long line,
      InstrumentSchema schema,
      Column column,
      String raw,
      String la,
      Pseudonymiser pseudonymiser,
      List<RowProblem> problems) {
    String name = column.name();
    if (raw.isEmpty()) {
      if (column.required()) {
        problems.add(new RowProblem(file, line, name, "required", "", "a value is required"));
        return Optional.empty();
      }
      return Optional.of("");
    }
    switch (column.kind()) {
      case LA_CODE -> {
        if (!LA_CODE.matcher(raw).matches()) {
          problems.add(
              new RowProblem(
                  file, line, name, "la-code", raw, "'" + raw + "' is not a 3-digit DfE LA code"));
          return Optional.empty();
        }
        return Optional.of(raw);
      }
      case IDENTIFIER -> {
        if (raw.chars().anyMatch(Character::isWhitespace) || raw.length() > 64) {
          problems.add(
              new RowProblem(
                  file,
                  line,
                  name,
                  "identifier",
                  "(not repeated)",
                  "an identifier must be a code without spaces (at most 64 characters); this looks"
                      + " like a name or free text"));
          return Optional.empty();
        }
        return Optional.of(pseudonymiser.local(column.pseudonym(), la, raw));
      }
      case DATE -> {
        Optional<LocalDate> date = parseDate(raw);
        if (date.isEmpty()) {
          problems.add(
              new RowProblem(
                  file,
                  line,
                  name,
                  "date",
                  raw,
                  "'" + raw + "' is not a date (yyyy-mm-dd or dd/mm/yyyy)"));
          return Optional.empty();
        }
        if (date.get().isAfter(LocalDate.now(ZoneId.of("Europe/London")))) {
          problems.add(
              new RowProblem(
                  file,
                  line,
                  name,
                  "future-date",
                  raw,
                  "'"
                      + raw
                      + "' is in the future: a date of something that has happened is needed"));
          return Optional.empty();
        }
        return Optional.of(date.get().toString());
      }
      case INTEGER, NUMBER -> {
        boolean integer = column.kind() == InstrumentSchema.Type.INTEGER;
        Optional<BigDecimal> number = number(raw, integer);
        if (number.isEmpty()) {
          problems.add(
              new RowProblem(
                  file,
                  line,
                  name,
                  integer ? "integer" : "number",
                  raw,
                  "'"
                      + raw
                      + (integer && wholeButLarge(raw)
                          ? "' is too large (at most 2147483647)"
                          : "' is not " + (integer ? "a whole number" : "a number"))));
          return Optional.empty();
        }
        double value = number.get().doubleValue();
        if ((column.min() != null && value < column.min())
            || (column.max() != null && value > column.max())) {
          problems.add(
              new RowProblem(
                  file,
                  line,
                  name,
                  "range",
                  raw,
                  String.format(
                      Locale.ROOT,
                      "%s is outside %s-%s",
                      raw,
                      plain(column.min()),
                      plain(column.max()))));
          return Optional.empty();
        }
        BigDecimal plain = number.get().stripTrailingZeros();
        return Optional.of(
            plain.signum() == 0
                ? "0"
                : integer ? plain.toBigInteger().toString() : plain.toPlainString());
      }
      case CODE -> {
        for (InstrumentSchema.Code code : schema.codes().get(column.codes())) {
          if (code.code().equalsIgnoreCase(raw)) {
            return Optional.of(code.code());
          }
        }
        problems.add(
            new RowProblem(
                file,
                line,
                name,
                "code",
                raw,
                "'"
                    + raw
                    + "' is not one of "
                    + schema.codes().get(column.codes()).stream()
                        .map(InstrumentSchema.Code::code)
                        .toList()));
        return Optional.empty();
      }
      case ITEM -> {
        Optional<Item> item = schema.item(raw.toLowerCase(Locale.ROOT));
        if (item.isEmpty()) {
          problems.add(
              new RowProblem(
                  file,
                  line,
                  name,
                  "item",
                  raw,
                  "'"
                      + raw
                      + "' is not in the "
                      + schema.instrument()
                      + " catalogue (data-schemas/instruments/"
                      + schema.instrument()
                      + ".yaml)"));
          return Optional.empty();
        }
        return Optional.of(item.get().id());
      }
      default -> {
        return Optional.of(raw);
      }
    }
  }

  private static void rowRules(
      Path file,
      long line,
      InstrumentSchema schema,
      Map<String, String> values,
      List<RowProblem> problems) {
    for (String rule : schema.rules()) {
      switch (rule) {
        case "criterion_in_tool_version" -> {
          String versionText = values.getOrDefault("audit_tool_version", "");
          int version = versionText.isEmpty() ? 1 : Integer.parseInt(versionText);
          Item item = schema.item(values.get("criterion_id")).orElseThrow();
          if (!item.inVersion(version)) {
            problems.add(
                new RowProblem(
                    file,
                    line,
                    "criterion_id",
                    "criterion-version",
                    item.id(),
                    "criterion " + item.id() + " is not in audit tool version " + version));
          }
        }
        case "trained_within_scope" -> {
          if (Long.parseLong(values.get("staff_trained"))
              > Long.parseLong(values.get("staff_in_scope"))) {
            problems.add(
                new RowProblem(
                    file,
                    line,
                    "staff_trained",
                    "trained-within-scope",
                    values.get("staff_trained"),
                    "more staff trained than in scope (" + values.get("staff_in_scope") + ")"));
          }
        }
        case "amount_or_hours" -> {
          boolean amount = !values.get("amount_gbp").isEmpty();
          boolean hours = !values.get("hours").isEmpty();
          boolean unitCost = !values.get("unit_cost_gbp").isEmpty();
          if (amount == (hours || unitCost) || hours != unitCost) {
            problems.add(
                new RowProblem(
                    file,
                    line,
                    "(row)",
                    "amount-or-hours",
                    "",
                    "give either amount_gbp, or both hours and unit_cost_gbp"));
          }
        }
        case "period_forwards" -> {
          if (values.get("period_end").compareTo(values.get("period_start")) < 0) {
            problems.add(
                new RowProblem(
                    file,
                    line,
                    "period_end",
                    "period-forwards",
                    values.get("period_end"),
                    "the period ends before it starts"));
          }
        }
        default ->
            throw new IllegalStateException(
                "schema " + schema.instrument() + " names unknown rule " + rule);
      }
    }
  }

  static Optional<LocalDate> parseDate(String text) {
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(LocalDate.parse(text, UK_DATE));
      } catch (DateTimeParseException again) {
        return Optional.empty();
      }
    }
  }

  /**
   * A number written as digits with an optional minus sign and decimal point ({@code 10.0} for an
   * integer column); not {@code 1e3}, {@code +5}, {@code 10d}, {@code NaN} or {@code Infinity}, and
   * for an integer column a whole number the lake's integer type holds.
   */
  private static Optional<BigDecimal> number(String raw, boolean integer) {
    if (!NUMBER.matcher(raw).matches()) {
      return Optional.empty();
    }
    BigDecimal number = new BigDecimal(raw);
    if (integer) {
      try {
        number.stripTrailingZeros().intValueExact();
      } catch (ArithmeticException e) {
        return Optional.empty();
      }
    }
    return Optional.of(number);
  }

  /** What the CSV parser said, without the exception class names it wraps the message in. */
  public static String csvProblem(Exception e) {
    Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }

  private static boolean wholeButLarge(String raw) {
    return NUMBER.matcher(raw).matches() && new BigDecimal(raw).stripTrailingZeros().scale() <= 0;
  }

  private static String plain(Double value) {
    if (value == null) {
      return "";
    }
    return value == Math.rint(value) ? Long.toString(value.longValue()) : value.toString();
  }

  private static boolean blank(CSVRecord record) {
    for (String value : record) {
      if (!value.isBlank()) {
        return false;
      }
    }
    return true;
  }

  private static Rejection reject(Path file, String rule, String cause, String fix) {
    return new Rejection(rule, cause, fix);
  }
}
