package org.soseval.pipeline.panel;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * One cell of a published statistic: a number, or a missing value with the GSS symbol that says
 * why. Symbols are normalised to the current GSS set ({@code c} suppressed, {@code x} unavailable,
 * {@code z} not applicable, {@code low} rounds to zero, {@code u} low reliability, {@code k} kept
 * as DfE writes it): the obsolete {@code :} becomes {@code x} and {@code ~} becomes {@code low}; in
 * the 2013-2017 SFR files a cross ({@code x}) meant suppressed, so {@link Convention#SFR} reads it
 * as {@code c}.
 *
 * @param value the number, empty when the cell holds a symbol
 * @param symbol the symbol, empty when the cell holds a number
 */
public record PublishedValue(OptionalDouble value, Optional<String> symbol) {
  /** The GSS symbols a value may carry after normalisation. */
  public static final Set<String> SYMBOLS = Set.of("c", "x", "z", "low", "u", "k");

  /** How a file writes its symbols. */
  public enum Convention {
    /** Explore Education Statistics files (GSS symbols; {@code x} = unavailable). */
    EES,
    /** The 2013-2017 Statistical First Release underlying files ({@code x} = suppressed). */
    SFR
  }

  public PublishedValue {
    Objects.requireNonNull(value, "value is null");
    Objects.requireNonNull(symbol, "symbol is null");
    if (value.isPresent() == symbol.isPresent()) {
      throw new IllegalArgumentException("A published value holds a number or a symbol, not both");
    }
    if (value.isPresent() && !Double.isFinite(value.getAsDouble())) {
      throw new IllegalArgumentException("A published value must be finite: " + value);
    }
    symbol.ifPresent(
        s -> {
          if (!SYMBOLS.contains(s)) {
            throw new IllegalArgumentException("Unknown symbol: " + s);
          }
        });
  }

  public static PublishedValue of(double value) {
    return new PublishedValue(OptionalDouble.of(value), Optional.empty());
  }

  /** A missing value with its (normalised) symbol. */
  public static PublishedValue missing(String symbol) {
    return new PublishedValue(OptionalDouble.empty(), Optional.of(symbol));
  }

  /**
   * Reads a cell. Blank cells (also quoted empty ones) read as {@code x} (unavailable). Numbers may
   * carry surrounding spaces; thousands separators are not accepted.
   *
   * @throws IllegalArgumentException if the cell is neither a number nor a known symbol
   */
  public static PublishedValue parse(String cell, Convention convention) {
    Objects.requireNonNull(cell, "cell is null");
    String text = cell.trim();
    if (text.isEmpty()) {
      return missing("x");
    }
    String lower = text.toLowerCase(Locale.ROOT);
    switch (lower) {
      case "c", "z", "u", "low", "k":
        return missing(lower);
      case "x":
        return missing(convention == Convention.SFR ? "c" : "x");
      case ":":
        return missing("x");
      case "~":
        return missing("low");
      default:
        break;
    }
    if (!text.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?")) {
      throw new IllegalArgumentException(
          "Cell is neither a number nor a GSS symbol (c, x, z, u, low, k, :): '" + cell + "'");
    }
    return of(Double.parseDouble(text));
  }

  public boolean isPresent() {
    return value.isPresent();
  }

  /** The number; only call when {@link #isPresent()}. */
  public double number() {
    return value.orElseThrow(() -> new IllegalStateException("No number: " + symbol.orElse("")));
  }

  /** The number or symbol as text, for messages and tests. */
  @Override
  public String toString() {
    return value.isPresent() ? Double.toString(value.getAsDouble()) : symbol.orElseThrow();
  }
}
