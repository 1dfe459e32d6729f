package org.soseval.pipeline.schemas;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/** A CSV table of a return, recognised by its column set. */
public record CsvTable(String name, String file, YearRange years, List<CsvColumn> columns) {
  public CsvTable {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(file, "file is null");
    columns = List.copyOf(columns);
  }

  @JsonCreator
  static CsvTable fromSchema(
      @JsonProperty(value = "name", required = true) String name,
      @JsonProperty(value = "file", required = true) String file,
      @JsonProperty("from") Integer from,
      @JsonProperty("to") Integer to,
      @JsonProperty(value = "columns", required = true) List<CsvColumn> columns) {
    return new CsvTable(name, file, YearRange.of(from, to), columns);
  }

  /** The column names valid in {@code year}, in schema order. */
  public List<String> columnNamesIn(int year) {
    return columns.stream()
        .filter(column -> column.years().contains(year))
        .map(CsvColumn::name)
        .toList();
  }
}
