package org.soseval.pipeline.publish;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.soseval.pipeline.panel.PublishedValue;

/**
 * A table on its way to publication: one row per reporting year and location, with unrounded
 * indicator values (numbers or GSS symbols). {@link DisclosureControl} works on this form, before
 * {@link EesWriter} rounds and writes it.
 *
 * @param name the file name without {@code .csv} (lower case, digits, {@code _} and {@code -})
 * @param indicators the indicator columns in order
 * @param rows the rows
 */
public record PublicationTable(String name, List<IndicatorColumn> indicators, List<Row> rows) {
  /**
   * One row.
   *
   * @param year the reporting year (EES {@code time_period}, {@code time_identifier} "Reporting
   *     year")
   * @param geography the location
   * @param values every indicator column's value, by column name
   * @param supporting unrounded counts that a rate or percentage is computed from but that are not
   *     columns (e.g. {@code cpp_subsequent_count}), by name: read by disclosure control, never
   *     written
   */
  public record Row(
      int year,
      Geography geography,
      Map<String, PublishedValue> values,
      Map<String, PublishedValue> supporting) {
    public Row {
      Objects.requireNonNull(geography, "geography is null");
      values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
      supporting = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(supporting));
    }

    /** A row without supporting counts. */
    public Row(int year, Geography geography, Map<String, PublishedValue> values) {
      this(year, geography, values, Map.of());
    }

    /** A copy with one value replaced (for disclosure control). */
    public Row with(String column, PublishedValue value) {
      Map<String, PublishedValue> copy = new LinkedHashMap<>(values);
      copy.put(column, value);
      return new Row(year, geography, copy, supporting);
    }
  }

  public PublicationTable {
    Objects.requireNonNull(name, "name is null");
    if (!name.matches("[a-z0-9_-]+")) {
      throw new IllegalArgumentException(
          "Table name must be lower-case letters, digits, _ and -: " + name);
    }
    indicators = List.copyOf(indicators);
    rows = List.copyOf(rows);
    Set<String> names = new java.util.HashSet<>();
    for (IndicatorColumn column : indicators) {
      if (!names.add(column.name())) {
        throw new IllegalArgumentException("Duplicate indicator column: " + column.name());
      }
    }
    for (Row row : rows) {
      if (!row.values().keySet().equals(names)) {
        throw new IllegalArgumentException(
            "Row "
                + row.year()
                + " "
                + row.geography()
                + " must have exactly the columns "
                + names);
      }
    }
  }

  /** A copy with other rows (for disclosure control). */
  public PublicationTable withRows(List<Row> newRows) {
    return new PublicationTable(name, indicators, newRows);
  }
}
