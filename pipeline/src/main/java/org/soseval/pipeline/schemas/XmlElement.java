package org.soseval.pipeline.schemas;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An element of an XML return: a group (with children, in document order) or a leaf (with a type).
 * A {@code table} marks an element each occurrence of which is one row of a normalised table; a
 * leaf belongs to the nearest enclosing table.
 */
public record XmlElement(
    String name,
    Optional<FieldType> type,
    Occurs occurs,
    Optional<String> codeList,
    Optional<String> table,
    IdentifierClass identifier,
    YearRange years,
    Optional<String> pattern,
    Optional<String> fixed,
    List<XmlElement> children) {

  public XmlElement {
    Objects.requireNonNull(name, "name is null");
    children = List.copyOf(children);
    if (type.isPresent() == !children.isEmpty()) {
      throw new IllegalArgumentException(
          "element " + name + " must have either a type (a leaf) or children (a group)");
    }
    if (type.equals(Optional.of(FieldType.CODE)) && codeList.isEmpty()) {
      throw new IllegalArgumentException("code element " + name + " must name its code list");
    }
  }

  @JsonCreator
  static XmlElement fromSchema(
      @JsonProperty(value = "name", required = true) String name,
      @JsonProperty("type") FieldType type,
      @JsonProperty("occurs") Occurs occurs,
      @JsonProperty("codes") String codes,
      @JsonProperty("table") String table,
      @JsonProperty("identifier") IdentifierClass identifier,
      @JsonProperty("from") Integer from,
      @JsonProperty("to") Integer to,
      @JsonProperty("pattern") String pattern,
      @JsonProperty("fixed") String fixed,
      @JsonProperty("minimum") Integer minimum,
      @JsonProperty("children") List<XmlElement> children) {
    return new XmlElement(
        name,
        Optional.ofNullable(type),
        occurs == null ? Occurs.ONE : occurs,
        Optional.ofNullable(codes),
        Optional.ofNullable(table),
        identifier == null ? IdentifierClass.NONE : identifier,
        YearRange.of(from, to),
        Optional.ofNullable(pattern),
        Optional.ofNullable(fixed),
        children == null ? List.of() : children);
  }

  public boolean isLeaf() {
    return children.isEmpty();
  }

  /** The children valid in {@code year}, in document order. */
  public List<XmlElement> childrenIn(int year) {
    return children.stream().filter(child -> child.years().contains(year)).toList();
  }

  /** The child named {@code childName}, if this element has one. */
  public Optional<XmlElement> child(String childName) {
    return children.stream().filter(child -> child.name().equals(childName)).findFirst();
  }
}
