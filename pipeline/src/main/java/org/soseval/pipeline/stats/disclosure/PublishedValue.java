package org.soseval.pipeline.stats.disclosure;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * What a published cell shows: a number already rounded for display, or a {@link Symbol}.
 *
 * @param text the cell text: the number in plain notation (e.g. {@code "4.4"}, {@code "30"}) or the
 *     symbol code
 * @param number the displayed number, if any
 * @param symbol the symbol, if any
 */
public record PublishedValue(String text, Optional<BigDecimal> number, Optional<Symbol> symbol) {
  public PublishedValue {
    Objects.requireNonNull(text, "text is null");
    Objects.requireNonNull(number, "number is null");
    Objects.requireNonNull(symbol, "symbol is null");
    if (number.isPresent() == symbol.isPresent()) {
      throw new IllegalArgumentException("a published value is either a number or a symbol");
    }
  }

  /** A displayed number. */
  public static PublishedValue number(BigDecimal number) {
    return new PublishedValue(number.toPlainString(), Optional.of(number), Optional.empty());
  }

  /** A whole-number count. */
  public static PublishedValue count(long count) {
    return number(BigDecimal.valueOf(count));
  }

  /** A symbol in place of a value. */
  public static PublishedValue symbol(Symbol symbol) {
    return new PublishedValue(symbol.code(), Optional.empty(), Optional.of(symbol));
  }

  /** True when the cell shows {@code c}. */
  public boolean isSuppressed() {
    return symbol.filter(Symbol.CONFIDENTIAL::equals).isPresent();
  }
}
