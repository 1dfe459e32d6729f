package org.soseval.pipeline.schemas;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/** How ingest treats a field that may identify a person. */
public enum IdentifierClass {
  /** Not identifying on its own. */
  NONE,
  /** A direct identifier (name, address, NHS number): a file that carries it is refused. */
  DIRECT,
  /** Replaced by a keyed HMAC-SHA-256 pseudonym. */
  PSEUDONYMISE,
  /** A date of birth (or death): reduced to the first of its month after ages are derived. */
  DATE_OF_BIRTH,
  /** A postcode in a field that carries one by design: reduced to the sector. */
  POSTCODE;

  @JsonCreator
  static IdentifierClass fromSchema(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
