package org.soseval.pipeline.instruments;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.soseval.pipeline.calendar.ReportingYears;
import org.soseval.pipeline.instruments.InstrumentSchema.Column;
import org.soseval.pipeline.instruments.InstrumentSchema.Type;
import org.soseval.pipeline.lake.LakeTable;
import org.soseval.pipeline.lake.Ledger;
import org.soseval.pipeline.lake.LedgerEntry;

/**
 * The instruments in the lake: one dataset per instrument, {@code instrument_<name>}, with the
 * instrument's columns (identifiers {@code x_id} as pseudonyms {@code x_key}) typed as the lake
 * types them, partitioned like every dataset by {@code la} (the row's {@code la_code}) and {@code
 * year}, here the reporting year (April to March) of the schema's {@code year_from} date, or its
 * value when that column is a year ({@code costs.price_year}). Ingest writes it; {@link #read}
 * reads it back for the analyses.
 */
public final class InstrumentLake {
  /** The prefix of the instrument datasets' folders. */
  public static final String PREFIX = "instrument_";

  /** The ledger's kind of an instrument file is {@code instrument/<name>}. */
  public static final String KIND = "instrument/";

  private static final Pattern LINE = Pattern.compile("line (\\d+)");

  private InstrumentLake() {}

  /** The lake dataset of an instrument. */
  public static LakeTable table(InstrumentSchema schema) {
    List<LakeTable.Column> columns = new ArrayList<>();
    for (Column column : schema.columns()) {
      columns.add(
          new LakeTable.Column(column.lakeName(), lakeType(column), describe(schema, column)));
    }
    return new LakeTable(PREFIX + schema.instrument(), columns);
  }

  /** The datasets of every instrument, in {@link InstrumentSchema#ALL} order. */
  public static List<LakeTable> tables() {
    return InstrumentSchema.all().stream().map(InstrumentLake::table).toList();
  }

  /** A valid row's values in the lake's types, in {@link #table} column order. */
  public static Object[] values(InstrumentSchema schema, InstrumentRow row) {
    Object[] values = new Object[schema.columns().size()];
    for (int i = 0; i < values.length; i++) {
      Column column = schema.columns().get(i);
      String text = row.text(column.name());
      values[i] =
          text.isEmpty()
              ? null
              : switch (lakeType(column)) {
                case INTEGER -> Integer.valueOf(text);
                case DOUBLE -> Double.valueOf(text);
                case DATE -> LocalDate.parse(text);
                default -> text;
              };
    }
    return values;
  }

  /**
   * The partition year of a row from its {@code year_from} value (valid rows: normalised values;
   * rejected rows: the value as shown, empty when it is not a date or year).
   */
  public static OptionalInt year(InstrumentSchema schema, Map<String, String> values) {
    Column column = schema.column(schema.yearFrom());
    String text = values.getOrDefault(column.name(), "");
    if (column.kind() == Type.INTEGER) {
      try {
        return OptionalInt.of(new BigDecimal(text).intValueExact());
      } catch (NumberFormatException | ArithmeticException e) {
        return OptionalInt.empty();
      }
    }
    return InstrumentReader.parseDate(text)
        .map(date -> OptionalInt.of(ReportingYears.of(date)))
        .orElse(OptionalInt.empty());
  }

  /**
   * Every instrument in {@code lake}: the valid rows (sorted by LA, then column values), the
   * quarantined rows as rejected rows with their first problem, and the instrument files the ledger
   * says were rejected whole. An empty set when the lake holds no instruments.
   */
  public static InstrumentSet read(SparkSession spark, Path lake) {
    List<InstrumentFile> files = new ArrayList<>();
    List<RowProblem> problems = new ArrayList<>();
    for (InstrumentSchema schema : InstrumentSchema.all()) {
      LakeTable table = table(schema);
      List<InstrumentRow> rows = new ArrayList<>();
      for (Row row : rows(spark, lake.resolve(table.folder()), table)) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Column column : schema.columns()) {
          values.put(column.name(), text(row.getAs(column.lakeName())));
        }
        rows.add(new InstrumentRow(0, values));
      }
      rows.sort(Comparator.comparing(row -> String.join("\u0000", row.values().values())));
      List<InstrumentRow> rejected = new ArrayList<>();
      List<RowProblem> quarantined = new ArrayList<>();
      LakeTable quarantine = LakeTable.quarantine(table.folder());
      for (Row row : rows(spark, lake.resolve(quarantine.folder()), quarantine)) {
        Path source = Path.of((String) row.getAs("source_file"));
        Matcher line = LINE.matcher((String) row.getAs("location"));
        long number = line.find() ? Long.parseLong(line.group(1)) : 0;
        quarantined.add(
            new RowProblem(
                source, number, row.getAs("field"), row.getAs("rule"), "", row.getAs("message")));
        rejected.add(
            new InstrumentRow(number, row.<String, String>getJavaMap(row.fieldIndex("values"))));
      }
      if (rows.isEmpty() && rejected.isEmpty()) {
        continue;
      }
      quarantined.sort(
          Comparator.comparing((RowProblem problem) -> problem.file().toString())
              .thenComparingLong(RowProblem::line));
      problems.addAll(quarantined);
      files.add(
          new InstrumentFile(
              lake.resolve(table.folder()),
              schema,
              rows,
              rejected,
              quarantined,
              List.of(),
              rows.size() + rejected.size()));
    }
    List<FileProblem> rejectedFiles = new ArrayList<>();
    for (LedgerEntry entry : Ledger.read(lake)) {
      // a file rejected before its instrument was known is of kind "instrument"
      if ((entry.kind().startsWith(KIND) || entry.kind().equals(KIND.replace("/", "")))
          && entry.status().equals(LedgerEntry.REJECTED)) {
        rejectedFiles.add(new FileProblem(Path.of(entry.file()), "rejected", entry.message()));
      }
    }
    return new InstrumentSet(files, rejectedFiles, problems);
  }

  private static List<Row> rows(SparkSession spark, Path folder, LakeTable table) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    return spark.read().schema(table.sparkSchema()).parquet(folder.toString()).collectAsList();
  }

  private static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double number) {
      return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate().toString();
    }
    return value.toString();
  }

  private static LakeTable.Type lakeType(Column column) {
    return switch (column.kind()) {
      case INTEGER -> LakeTable.Type.INTEGER;
      case NUMBER -> LakeTable.Type.DOUBLE;
      case DATE -> LakeTable.Type.DATE;
      default -> LakeTable.Type.STRING;
    };
  }

  private static String describe(InstrumentSchema schema, Column column) {
    String source = " (data-schemas/instruments/" + schema.instrument() + ".yaml)";
    return switch (column.kind()) {
      case IDENTIFIER ->
          "HMAC-SHA-256 pseudonym of the LA and "
              + column.name()
              + (Optional.ofNullable(column.pseudonym()).orElse("").equals("child")
                  ? " (as child_key: links to the child's returns when it is the LA child ID)"
                  : " (namespace " + column.pseudonym() + ")");
      case LA_CODE -> "3-digit DfE LA code (the partition la)";
      case CODE -> column.name() + ", code list " + column.codes() + source;
      case ITEM -> column.name() + ": a catalogue id" + source;
      default ->
          column.name()
              + (column.name().equals(schema.yearFrom())
                  ? column.kind() == Type.DATE
                      ? " (its reporting year is the partition year)"
                      : " (the partition year)"
                  : "");
    };
  }
}
