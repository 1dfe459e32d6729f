package org.soseval.pipeline.privacy;

import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reductions of quasi-identifiers: dates of birth to the month, postcodes to the sector. */
public final class Degrade {
  /** A UK postcode: outward code (area, district) and inward code (sector digit, unit). */
  private static final Pattern POSTCODE =
      Pattern.compile("^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9])([A-Z]{2})$");

  private Degrade() {}

  /** The first of the month of {@code date}. */
  public static LocalDate firstOfMonth(LocalDate date) {
    return date.withDayOfMonth(1);
  }

  /** Whole years of age on {@code event} for someone born on {@code birth} (empty if negative). */
  public static Optional<Integer> ageInYears(LocalDate birth, LocalDate event) {
    if (event.isBefore(birth)) {
      return Optional.empty();
    }
    return Optional.of(Period.between(birth, event).getYears());
  }

  /** The postcode sector ({@code "AB12 3"}), or empty when {@code postcode} is not a postcode. */
  public static Optional<String> postcodeSector(String postcode) {
    String compact = postcode.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
    Matcher matcher = POSTCODE.matcher(compact);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return Optional.of(matcher.group(1) + " " + matcher.group(2));
  }

  /** True when {@code value} is a full postcode (in a field not meant to carry one). */
  public static boolean isFullPostcode(String value) {
    return POSTCODE
        .matcher(value.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " "))
        .matches();
  }
}
