package org.soseval.pipeline.schemas;

/**
 * The collection years (inclusive) in which an element, column, table or code is valid. A
 * collection year is the calendar year of the 31 March on which the return ends (2025 = 2024-25).
 */
public record YearRange(int first, int last) {
  public static final YearRange ALWAYS = new YearRange(Integer.MIN_VALUE, Integer.MAX_VALUE);

  public YearRange {
    if (first > last) {
      throw new IllegalArgumentException(
          "first year must be <= last year: " + first + " > " + last);
    }
  }

  /** From schema data, where either bound may be absent. */
  public static YearRange of(Integer first, Integer last) {
    return new YearRange(
        first == null ? Integer.MIN_VALUE : first, last == null ? Integer.MAX_VALUE : last);
  }

  public boolean contains(int year) {
    return year >= first && year <= last;
  }
}
