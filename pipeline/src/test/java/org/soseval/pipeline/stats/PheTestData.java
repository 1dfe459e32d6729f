package org.soseval.pipeline.stats;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the PHEindicatormethods 2.1.0 test files from {@code shared/data/reference/}, beside the
 * repository (see shared/data/PROVENANCE.md). The files are never copied into the repository; a
 * missing file fails the test with the path it looked for.
 */
public final class PheTestData {
  private static final Path DIRECTORY =
      Path.of(System.getProperty("user.dir"))
          .resolve("../../shared/data/reference/phe_indicator_methods")
          .normalize();

  private PheTestData() {}

  /** All records of {@code relativePath}, with the header row as names; a BOM is dropped. */
  public static List<CSVRecord> read(String relativePath) {
    Path path = DIRECTORY.resolve(relativePath);
    if (!Files.isRegularFile(path)) {
      throw new AssertionError(
          "Reference file missing: "
              + path
              + " (shared/data must sit beside the repository; see shared/data/PROVENANCE.md)");
    }
    try {
      String text = Files.readString(path, StandardCharsets.UTF_8);
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
      try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
        List<CSVRecord> records = parser.getRecords();
        if (records.isEmpty()) {
          throw new AssertionError("Reference file has no rows: " + path);
        }
        return records;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read reference file " + path, e);
    }
  }

  /** The cell as a double; a blank cell (R NA) is NaN. */
  public static double number(String cell) {
    String trimmed = cell.trim();
    return trimmed.isEmpty() || trimmed.equals("NA") ? Double.NaN : Double.parseDouble(trimmed);
  }

  /** A confidence cell such as {@code "95%"} or {@code "99.8%"} as a fraction. */
  public static double level(String cell) {
    return new BigDecimal(cell.trim().replace("%", "")).movePointLeft(2).doubleValue();
  }
}
