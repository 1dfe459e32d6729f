package org.soseval.pipeline.schemas;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/** The type of a leaf element or column, as written in the schema files. */
public enum FieldType {
  STRING,
  CODE,
  DATE,
  DATETIME,
  YEAR,
  INTEGER,
  BOOLEAN;

  @JsonCreator
  static FieldType fromSchema(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
