package org.soseval.pipeline.schemas;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import java.util.Optional;

/**
 * A column of a CSV table in a return; {@code xml} is its element name in the XML form of the
 * return where that differs from the column name (SSDA903 {@code PLACE} is {@code <PL>}).
 */
public record CsvColumn(
    String name,
    FieldType type,
    boolean required,
    Optional<String> codeList,
    IdentifierClass identifier,
    YearRange years,
    Optional<String> xml) {

  public CsvColumn {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(type, "type is null");
    if (type == FieldType.CODE && codeList.isEmpty()) {
      throw new IllegalArgumentException("code column " + name + " must name its code list");
    }
    Objects.requireNonNull(xml, "xml is null");
  }

  /** The column's element name in the XML form of the return. */
  public String xmlName() {
    return xml.orElse(name);
  }

  @JsonCreator
  static CsvColumn fromSchema(
      @JsonProperty(value = "name", required = true) String name,
      @JsonProperty(value = "type", required = true) FieldType type,
      @JsonProperty("required") Boolean required,
      @JsonProperty("codes") String codes,
      @JsonProperty("identifier") IdentifierClass identifier,
      @JsonProperty("from") Integer from,
      @JsonProperty("to") Integer to,
      @JsonProperty("xml") String xml) {
    return new CsvColumn(
        name,
        type,
        Boolean.TRUE.equals(required),
        Optional.ofNullable(codes),
        identifier == null ? IdentifierClass.NONE : identifier,
        YearRange.of(from, to),
        Optional.ofNullable(xml));
  }
}
