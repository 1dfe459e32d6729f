package org.soseval.pipeline.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.soseval.pipeline.panel.Arithmetic;
import org.soseval.pipeline.panel.Indicator;
import org.soseval.pipeline.panel.PublishedValue;

/**
 * Writes a {@link PublicationTable} as an EES open-data CSV and its {@code .meta.csv}: UTF-8
 * without a byte-order mark, the time and geography columns first, counts as whole numbers, rates
 * and percentages rounded half up to 1 dp as DfE publishes them, medians as they are (keeping their
 * .5), missing values as their GSS symbol. The table first passes the {@link DisclosureControl}
 * given, so nothing reaches the file without it.
 */
public final class EesWriter {
  /** The time and geography columns, in order. */
  public static final List<String> IDENTIFIER_COLUMNS =
      List.of(
          "time_period",
          "time_identifier",
          "geographic_level",
          "country_code",
          "country_name",
          "region_code",
          "region_name",
          "old_la_code",
          "new_la_code",
          "la_name");

  /** The {@code .meta.csv} columns, in the order EES requires. */
  public static final List<String> META_COLUMNS =
      List.of(
          "col_name",
          "col_type",
          "label",
          "indicator_grouping",
          "indicator_unit",
          "indicator_dp",
          "filter_hint",
          "filter_grouping_column");

  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

  /** The two files written. */
  public record Written(Path data, Path meta, int rows) {}

  private EesWriter() {}

  /**
   * Applies {@code control} to {@code table} and writes {@code <name>.csv} and {@code
   * <name>.meta.csv} into {@code directory} (created if needed).
   */
  public static Written write(PublicationTable table, DisclosureControl control, Path directory) {
    Objects.requireNonNull(control, "control is null: every table passes disclosure control");
    PublicationTable published = control.apply(table);
    Path data = directory.resolve(published.name() + ".csv");
    Path meta = directory.resolve(published.name() + ".meta.csv");
    try {
      Files.createDirectories(directory);
      try (Writer out = Files.newBufferedWriter(data, StandardCharsets.UTF_8);
          CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
        List<String> header = new ArrayList<>(IDENTIFIER_COLUMNS);
        published.indicators().forEach(c -> header.add(c.name()));
        printer.printRecord(header);
        for (PublicationTable.Row row : published.rows()) {
          Geography g = row.geography();
          List<String> cells =
              new ArrayList<>(
                  List.of(
                      Integer.toString(row.year()),
                      "Reporting year",
                      g.level().label(),
                      g.countryCode(),
                      g.countryName(),
                      g.regionCode(),
                      g.regionName(),
                      g.oldLaCode(),
                      g.newLaCode(),
                      g.laName()));
          for (IndicatorColumn column : published.indicators()) {
            cells.add(format(row.values().get(column.name()), column.kind()));
          }
          printer.printRecord(cells);
        }
      }
      try (Writer out = Files.newBufferedWriter(meta, StandardCharsets.UTF_8);
          CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
        printer.printRecord(META_COLUMNS);
        for (IndicatorColumn column : published.indicators()) {
          printer.printRecord(
              column.name(),
              "Indicator",
              column.label(),
              column.grouping(),
              column.unit(),
              Integer.toString(column.decimalPlaces()),
              "",
              "");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + data, e);
    }
    return new Written(data, meta, published.rows().size());
  }

  /**
   * A value as published: its symbol; or a count rounded half up to a whole number; a rate or
   * percentage rounded half up to 1 dp; a median as it is (14, 14.5).
   */
  public static String format(PublishedValue value, Indicator.Kind kind) {
    if (!value.isPresent()) {
      return value.symbol().orElseThrow();
    }
    double number = value.number();
    BigDecimal rounded =
        switch (kind) {
          case COUNT -> Arithmetic.roundHalfUp(number, 0);
          case RATE, PERCENT -> Arithmetic.roundHalfUp(number, 1);
          case MEDIAN -> {
            BigDecimal plain = Arithmetic.roundHalfUp(number, 1).stripTrailingZeros();
            yield plain.scale() < 0 ? plain.setScale(0) : plain;
          }
        };
    return rounded.toPlainString();
  }
}
