package org.soseval.pipeline.instruments;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * A row that failed a rule: kept out of the analysis but always reported (never silently dropped).
 *
 * @param file the file
 * @param line the line number in the file (the header is line 1)
 * @param field the column, or {@code (row)} for a rule about the whole row
 * @param rule the rule id, e.g. {@code required}, {@code code}, {@code duplicate-key}
 * @param value the offending value as read (identifiers are not repeated)
 * @param message what is wrong and what would be valid
 */
public record RowProblem(
    Path file, long line, String field, String rule, String value, String message) {
  public RowProblem {
    Objects.requireNonNull(file, "file is null");
    Objects.requireNonNull(field, "field is null");
    Objects.requireNonNull(rule, "rule is null");
    Objects.requireNonNull(value, "value is null");
    Objects.requireNonNull(message, "message is null");
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "%s line %d, %s: %s [%s]", shownFile(), line, field, message, rule);
  }

  /**
   * The file as a message names it: {@code 330/instruments/costs.csv} for a deposit in an LA's
   * instruments folder (every LA's file has the same name), else the file name.
   */
  private String shownFile() {
    int names = file.getNameCount();
    if (names >= 3
        && file.getName(names - 2).toString().equals(InstrumentSet.FOLDER)
        && file.getName(names - 3).toString().matches("\\d{3}")) {
      return file.subpath(names - 3, names).toString();
    }
    return file.getFileName().toString();
  }
}
