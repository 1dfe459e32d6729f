package org.soseval.pipeline.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

/** Numbers as the report prints them: {@code Locale.ROOT}, half up, ASCII minus. */
final class ReportFormat {
  private ReportFormat() {}

  /** {@code value} with {@code decimals} decimals and grouping commas; NaN as "n/a". */
  static String fixed(double value, int decimals) {
    if (!Double.isFinite(value)) {
      return "n/a";
    }
    BigDecimal rounded =
        new BigDecimal(Double.toString(value)).setScale(decimals, RoundingMode.HALF_UP);
    DecimalFormat format =
        new DecimalFormat(
            decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
            DecimalFormatSymbols.getInstance(Locale.ROOT));
    String text = format.format(rounded);
    return rounded.signum() == 0 && text.startsWith("-") ? text.substring(1) : text;
  }

  /** A change: like {@link #fixed} with an explicit {@code +} for positive values. */
  static String signed(double value, int decimals) {
    String text = fixed(value, decimals);
    return Double.isFinite(value) && !text.startsWith("-") && !isZero(text) ? "+" + text : text;
  }

  private static boolean isZero(String text) {
    return text.chars().allMatch(c -> c == '0' || c == '.' || c == ',');
  }

  /** A p-value: "< 0.001", 3 decimals below 0.1 (so 0.042 is not shown as 0.04), else 2. */
  static String pValue(double p) {
    if (!Double.isFinite(p)) {
      return "n/a";
    }
    if (p < 0.001) {
      return "< 0.001";
    }
    return p < 0.1 ? fixed(p, 3) : fixed(p, 2);
  }

  /** "p = 0.36" or "p < 0.001". */
  static String pEquals(double p) {
    String text = pValue(p);
    return text.startsWith("<") ? "p " + text : "p = " + text;
  }

  /** A confidence interval: "-14.9 to 5.6". */
  static String interval(double lower, double upper, int decimals) {
    return fixed(lower, decimals) + " to " + fixed(upper, decimals);
  }

  /** "a", "a and b", "a, b and c" (or with another conjunction: "a, b or c"). */
  static String listed(List<String> items, String conjunction) {
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " "
        + conjunction
        + " "
        + items.get(items.size() - 1);
  }
}
