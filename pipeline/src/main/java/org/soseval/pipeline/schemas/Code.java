package org.soseval.pipeline.schemas;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/** One code of a code list, with the collection years in which it is valid. */
public record Code(String code, String label, YearRange years) {
  public Code {
    Objects.requireNonNull(code, "code is null");
    Objects.requireNonNull(label, "label is null");
    Objects.requireNonNull(years, "years is null");
  }

  @JsonCreator
  static Code fromSchema(
      @JsonProperty(value = "code", required = true) String code,
      @JsonProperty("label") String label,
      @JsonProperty("from") Integer from,
      @JsonProperty("to") Integer to) {
    return new Code(code, label == null ? "" : label, YearRange.of(from, to));
  }
}
