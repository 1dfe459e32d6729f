package org.soseval.pipeline.lake;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/** Reads and writes {@code LAKE/_ledger/ledger.csv}. */
public final class Ledger {
  public static final List<String> COLUMNS =
      List.of(
          "file",
          "sha256",
          "kind",
          "collection_year",
          "la_code",
          "schema_version",
          "rows_read",
          "rows_written",
          "rows_quarantined",
          "status",
          "message");

  private Ledger() {}

  public static Path path(Path lake) {
    return lake.resolve("_ledger").resolve("ledger.csv");
  }

  /** The ledger of {@code lake}; empty when there is none yet. */
  public static List<LedgerEntry> read(Path lake) {
    Path path = path(lake);
    if (!Files.exists(path)) {
      return List.of();
    }
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    try (CSVParser parser =
        CSVParser.parse(new StringReader(Files.readString(path, StandardCharsets.UTF_8)), format)) {
      List<LedgerEntry> entries = new ArrayList<>();
      for (CSVRecord record : parser) {
        entries.add(
            new LedgerEntry(
                record.get("file"),
                record.get("sha256"),
                record.get("kind"),
                optional(record.get("collection_year")).map(Integer::valueOf),
                optional(record.get("la_code")),
                record.get("schema_version"),
                Long.parseLong(record.get("rows_read")),
                Long.parseLong(record.get("rows_written")),
                Long.parseLong(record.get("rows_quarantined")),
                record.get("status"),
                record.get("message")));
      }
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the ledger " + path, e);
    }
  }

  /**
   * The collection years of each LA whose files of one of {@code kinds} the ledger says were read
   * (not rejected, LA and year known): a file with no rows still counts.
   */
  public static Map<String, SortedSet<Integer>> yearsRead(
      List<LedgerEntry> entries, Set<String> kinds) {
    Map<String, SortedSet<Integer>> years = new TreeMap<>();
    for (LedgerEntry entry : entries) {
      if (kinds.contains(entry.kind())
          && !entry.status().equals(LedgerEntry.REJECTED)
          && entry.laCode().isPresent()
          && entry.collectionYear().isPresent()) {
        years
            .computeIfAbsent(entry.laCode().get(), la -> new TreeSet<>())
            .add(entry.collectionYear().get());
      }
    }
    return years;
  }

  /** The ledger as CSV text, sorted by file. */
  public static String format(List<LedgerEntry> entries) {
    List<LedgerEntry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparing(LedgerEntry::file));
    StringWriter text = new StringWriter();
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader(COLUMNS.toArray(String[]::new))
            .setRecordSeparator("\n")
            .get();
    try (CSVPrinter printer = new CSVPrinter(text, format)) {
      for (LedgerEntry entry : sorted) {
        printer.printRecord(
            entry.file(),
            entry.sha256(),
            entry.kind(),
            entry.collectionYear().map(String::valueOf).orElse(""),
            entry.laCode().orElse(""),
            entry.schemaVersion(),
            entry.rowsRead(),
            entry.rowsWritten(),
            entry.rowsQuarantined(),
            entry.status(),
            entry.message());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private static Optional<String> optional(String value) {
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
  }
}
