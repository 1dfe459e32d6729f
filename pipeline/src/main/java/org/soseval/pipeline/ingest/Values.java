package org.soseval.pipeline.ingest;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses field text as the returns write it: dates as {@code yyyy-mm-dd} or {@code dd/mm/yyyy},
 * whole numbers possibly written {@code 10.0}, booleans as {@code true/false/1/0}. Codes and
 * identifiers stay strings (leading zeros kept).
 */
final class Values {
  private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  private static final Pattern UK = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");

  private Values() {}

  /** An ISO date, or (when {@code ukAllowed}) a {@code dd/mm/yyyy} date. */
  static Optional<LocalDate> date(String text, boolean ukAllowed) {
    String value = text.strip();
    try {
      Matcher iso = ISO.matcher(value);
      if (iso.matches()) {
        return Optional.of(
            LocalDate.of(
                Integer.parseInt(iso.group(1)),
                Integer.parseInt(iso.group(2)),
                Integer.parseInt(iso.group(3))));
      }
      Matcher uk = UK.matcher(value);
      if (ukAllowed && uk.matches()) {
        return Optional.of(
            LocalDate.of(
                Integer.parseInt(uk.group(3)),
                Integer.parseInt(uk.group(2)),
                Integer.parseInt(uk.group(1))));
      }
    } catch (DateTimeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** A whole number; {@code 10.0} is 10, {@code 10.5} is not a whole number. */
  static Optional<Integer> integer(String text) {
    try {
      BigDecimal number = new BigDecimal(text.strip());
      return Optional.of(number.stripTrailingZeros().intValueExact());
    } catch (NumberFormatException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  /** {@code true/false/1/0} (also {@code 1.0}, {@code 0.0}, {@code Y/N}), any case. */
  static Optional<Boolean> bool(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true", "1", "1.0", "y", "yes" -> Optional.of(true);
      case "false", "0", "0.0", "n", "no" -> Optional.of(false);
      default -> Optional.empty();
    };
  }
}
