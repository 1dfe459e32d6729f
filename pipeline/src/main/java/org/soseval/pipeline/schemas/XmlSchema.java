package org.soseval.pipeline.schemas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The schema of an XML return: its element tree and code lists, by collection year. */
public record XmlSchema(
    String dataset,
    String title,
    YearRange years,
    XmlElement root,
    Map<String, CodeList> codeLists) {

  public XmlSchema {
    Objects.requireNonNull(dataset, "dataset is null");
    Objects.requireNonNull(root, "root is null");
    codeLists = Map.copyOf(codeLists);
    checkCodeListsExist(root, codeLists, dataset);
  }

  private static void checkCodeListsExist(
      XmlElement element, Map<String, CodeList> codeLists, String dataset) {
    element
        .codeList()
        .filter(name -> !codeLists.containsKey(name))
        .ifPresent(
            name -> {
              throw new IllegalArgumentException(
                  "schema "
                      + dataset
                      + ": element "
                      + element.name()
                      + " names unknown code list "
                      + name);
            });
    element.children().forEach(child -> checkCodeListsExist(child, codeLists, dataset));
  }

  public CodeList codeList(String name) {
    CodeList list = codeLists.get(name);
    if (list == null) {
      throw new IllegalArgumentException("schema " + dataset + " has no code list " + name);
    }
    return list;
  }

  /**
   * The element at a slash-separated path from the root, e.g. {@code
   * "Message/Children/Child/CINdetails"}.
   */
  public Optional<XmlElement> element(String path) {
    String[] names = path.split("/");
    if (!names[0].equals(root.name())) {
      return Optional.empty();
    }
    Optional<XmlElement> current = Optional.of(root);
    for (int i = 1; i < names.length && current.isPresent(); i++) {
      String name = names[i];
      current = current.get().child(name);
    }
    return current;
  }

  /** Every element that marks a table, in document order. */
  public List<XmlElement> tableElements() {
    List<XmlElement> tables = new ArrayList<>();
    collectTables(root, tables);
    return tables;
  }

  private static void collectTables(XmlElement element, List<XmlElement> tables) {
    if (element.table().isPresent()) {
      tables.add(element);
    }
    element.children().forEach(child -> collectTables(child, tables));
  }
}
