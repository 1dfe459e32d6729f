package org.soseval.pipeline.schemas;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A CSV table of a return, recognised by its column set; {@code xml} says where its rows are in the
 * XML form of the return (absent: the XML form does not carry the table).
 */
public record CsvTable(
    String name, String file, YearRange years, List<CsvColumn> columns, Optional<XmlRows> xml) {
  public CsvTable {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(file, "file is null");
    columns = List.copyOf(columns);
    Objects.requireNonNull(xml, "xml is null");
  }

  /**
   * Where a table's rows are in the XML form of a return.
   *
   * @param path the element one row is read from, below the root ({@code CHILD/HEADER/AREVIEW})
   * @param whenGiven the element is shared with other tables (the header): a row exists only when
   *     one of the table's own fields, or its {@code flag}, is given
   * @param flag a boolean element that says the row exists ({@code UASC}); not a column
   */
  public record XmlRows(String path, boolean whenGiven, Optional<String> flag) {
    public XmlRows {
      Objects.requireNonNull(path, "path is null");
      Objects.requireNonNull(flag, "flag is null");
      if (flag.isPresent() && !whenGiven) {
        throw new IllegalArgumentException("xml " + path + ": a flag needs when: given");
      }
    }

    @JsonCreator
    static XmlRows fromSchema(
        @JsonProperty(value = "path", required = true) String path,
        @JsonProperty("when") String when,
        @JsonProperty("flag") String flag) {
      if (when != null && !when.equals("given")) {
        throw new IllegalArgumentException("xml " + path + ": when must be 'given', not " + when);
      }
      return new XmlRows(path, when != null, Optional.ofNullable(flag));
    }

    /** The element names from the root's child down to the row's element. */
    public List<String> elements() {
      return List.of(path.split("/"));
    }
  }

  @JsonCreator
  static CsvTable fromSchema(
      @JsonProperty(value = "name", required = true) String name,
      @JsonProperty(value = "file", required = true) String file,
      @JsonProperty("from") Integer from,
      @JsonProperty("to") Integer to,
      @JsonProperty(value = "columns", required = true) List<CsvColumn> columns,
      @JsonProperty("xml") XmlRows xml) {
    return new CsvTable(name, file, YearRange.of(from, to), columns, Optional.ofNullable(xml));
  }

  /** The column names valid in {@code year}, in schema order. */
  public List<String> columnNamesIn(int year) {
    return columns.stream()
        .filter(column -> column.years().contains(year))
        .map(CsvColumn::name)
        .toList();
  }
}
