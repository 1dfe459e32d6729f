package org.soseval.pipeline.schemas;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The schema of a return made of CSV tables. */
public record CsvSchema(
    String dataset,
    String title,
    YearRange years,
    List<CsvTable> tables,
    Map<String, CodeList> codeLists) {

  public CsvSchema {
    Objects.requireNonNull(dataset, "dataset is null");
    tables = List.copyOf(tables);
    codeLists = Map.copyOf(codeLists);
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
