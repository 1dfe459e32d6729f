package org.soseval.pipeline.instruments;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One valid row of an instrument file: every value normalised (dates ISO, codes as the code list
 * spells them, identifiers pseudonymised), blank for an optional value not given.
 *
 * @param line the line number in the source file
 */
public record InstrumentRow(long line, Map<String, String> values) {
  public InstrumentRow {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public String text(String column) {
    return values.getOrDefault(column, "");
  }

  public Optional<String> optional(String column) {
    String value = text(column);
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  public int integer(String column) {
    return Integer.parseInt(text(column));
  }

  public OptionalInt optionalInteger(String column) {
    String value = text(column);
    return value.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(value));
  }

  public double number(String column) {
    return Double.parseDouble(text(column));
  }

  public OptionalDouble optionalNumber(String column) {
    String value = text(column);
    return value.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(value));
  }

  public LocalDate date(String column) {
    return LocalDate.parse(text(column));
  }

  public String la() {
    return text("la_code");
  }
}
