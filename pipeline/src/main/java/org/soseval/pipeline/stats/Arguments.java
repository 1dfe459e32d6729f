package org.soseval.pipeline.stats;

import java.util.Locale;

/**
 * Argument checks shared by the statistics classes. Every check is NaN-safe (a NaN fails it) and
 * its message names the argument and the offending value, e.g. {@code "n must be > 0: -3"}.
 */
public final class Arguments {
  private Arguments() {}

  /** Requires {@code value > 0}; NaN fails. */
  public static double positive(String name, double value) {
    if (value > 0) {
      return value;
    }
    throw invalid(name, "> 0", value);
  }

  /** Requires {@code value >= 0}; NaN fails. */
  public static double nonNegative(String name, double value) {
    if (value >= 0) {
      return value;
    }
    throw invalid(name, ">= 0", value);
  }

  /** Requires a finite value. */
  public static double finite(String name, double value) {
    if (Double.isFinite(value)) {
      return value;
    }
    throw invalid(name, "finite", value);
  }

  /** Requires {@code 0 < value < 1}, as for a confidence level; NaN fails. */
  public static double openUnitInterval(String name, double value) {
    if (value > 0 && value < 1) {
      return value;
    }
    throw invalid(name, "in (0, 1)", value);
  }

  /** Requires {@code 0 <= x <= n}. */
  public static void countWithin(String countName, double x, String totalName, double n) {
    nonNegative(countName, x);
    if (!(x <= n)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s must be <= %s (%s): %s",
              countName,
              totalName,
              format(n),
              format(x)));
    }
  }

  /** Requires at least {@code minimum} elements. */
  public static void atLeast(String name, int size, int minimum) {
    if (size < minimum) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s needs at least %d values: %d", name, minimum, size));
    }
  }

  /**
   * Validates confidence levels: each in (0, 1) and all distinct. An empty array means the single
   * default level 0.95.
   *
   * @return a copy of the levels in the order given, or {@code {0.95}} when none are given
   */
  public static double[] levels(double... levels) {
    if (levels.length == 0) {
      return new double[] {0.95};
    }
    for (int i = 0; i < levels.length; i++) {
      openUnitInterval("level", levels[i]);
      for (int j = 0; j < i; j++) {
        if (levels[j] == levels[i]) {
          throw new IllegalArgumentException(
              String.format(Locale.ROOT, "levels must be distinct: %s", format(levels[i])));
        }
      }
    }
    return levels.clone();
  }

  /** Requires every element of {@code values} to be finite; the message names the index. */
  public static void allFinite(String name, double[] values) {
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw invalid(name + "[" + i + "]", "finite", values[i]);
      }
    }
  }

  /** An {@link IllegalArgumentException} of the form {@code "<name> must be <rule>: <value>"}. */
  public static IllegalArgumentException invalid(String name, String rule, double value) {
    return new IllegalArgumentException(
        String.format(Locale.ROOT, "%s must be %s: %s", name, rule, format(value)));
  }

  private static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(value);
  }
}
