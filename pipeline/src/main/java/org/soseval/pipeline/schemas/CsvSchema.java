package org.soseval.pipeline.schemas;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The schema of a return made of CSV tables, and of its XML form when {@code xml} is present (the
 * tables whose {@link CsvTable#xml()} is given).
 */
public record CsvSchema(
    String dataset,
    String title,
    YearRange years,
    List<CsvTable> tables,
    Map<String, CodeList> codeLists,
    Optional<XmlLayout> xml) {

  /**
   * The XML form of a return.
   *
   * @param root the root element ({@code EXPSSDA903})
   * @param header the path of the element whose fields every table of one child shares ({@code
   *     CHILD/HEADER}); its first element is the one that holds one child
   */
  public record XmlLayout(
      @JsonProperty(value = "root", required = true) String root,
      @JsonProperty(value = "header", required = true) String header) {
    public XmlLayout {
      Objects.requireNonNull(root, "root is null");
      Objects.requireNonNull(header, "header is null");
    }

    /** The element that holds one child ({@code CHILD}). */
    public String child() {
      return header.split("/")[0];
    }
  }

  public CsvSchema {
    Objects.requireNonNull(dataset, "dataset is null");
    tables = List.copyOf(tables);
    codeLists = Map.copyOf(codeLists);
    Objects.requireNonNull(xml, "xml is null");
    if (xml.isPresent()) {
      checkXml(dataset, xml.get(), tables);
    }
    for (CsvTable table : tables) {
      for (CsvColumn column : table.columns()) {
        String list = column.codeList().orElse(null);
        if (list != null && !codeLists.containsKey(list)) {
          throw new IllegalArgumentException(
              "schema "
                  + dataset
                  + ": column "
                  + table.name()
                  + "."
                  + column.name()
                  + " names unknown code list "
                  + list);
        }
      }
    }
  }

  private static void checkXml(String dataset, XmlLayout layout, List<CsvTable> tables) {
    boolean header = false;
    for (CsvTable table : tables) {
      if (table.xml().isEmpty()) {
        continue;
      }
      CsvTable.XmlRows rows = table.xml().get();
      if (!rows.elements().get(0).equals(layout.child())) {
        throw new IllegalArgumentException(
            "schema " + dataset + ": table " + table.name() + " is not inside " + layout.child());
      }
      header |= rows.path().equals(layout.header()) && !rows.whenGiven();
    }
    if (!header) {
      throw new IllegalArgumentException(
          "schema " + dataset + ": no table is read from the header " + layout.header());
    }
  }

  /** The table read from the XML's header element ({@code xml.header}, not {@code when: given}). */
  public CsvTable xmlHeader() {
    XmlLayout layout =
        xml.orElseThrow(() -> new IllegalStateException("schema " + dataset + " has no xml"));
    return xmlTables().stream()
        .filter(t -> t.xml().get().path().equals(layout.header()) && !t.xml().get().whenGiven())
        .findFirst()
        .orElseThrow();
  }

  /** The tables the XML form of the return carries, in schema order. */
  public List<CsvTable> xmlTables() {
    return tables.stream().filter(table -> table.xml().isPresent()).toList();
  }

  public CsvTable table(String name) {
    return tables.stream()
        .filter(table -> table.name().equals(name))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("schema " + dataset + " has no table " + name));
  }

  public CodeList codeList(String name) {
    CodeList list = codeLists.get(name);
    if (list == null) {
      throw new IllegalArgumentException("schema " + dataset + " has no code list " + name);
    }
    return list;
  }
}
