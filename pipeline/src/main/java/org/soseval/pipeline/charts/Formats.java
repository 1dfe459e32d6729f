package org.soseval.pipeline.charts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.soseval.pipeline.stats.disclosure.PublishedValue;
import org.soseval.pipeline.stats.disclosure.Symbol;

/** Number formatting for labels and alt text: {@code Locale.ROOT}, rounded half up. */
final class Formats {
  private Formats() {}

  /** Tick labels: grouping commas, up to 4 decimals, no trailing zeros. */
  static NumberFormat tickFormat() {
    DecimalFormat format =
        new DecimalFormat("#,##0.####", DecimalFormatSymbols.getInstance(Locale.ROOT));
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format;
  }

  /**
   * A value for display: 0 decimals from 100, 1 from 10, 2 from 1, else 3 significant figures;
   * grouping commas; NaN as "n/a".
   */
  static String display(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    double magnitude = Math.abs(value);
    int decimals;
    if (magnitude >= 100) {
      decimals = 0;
    } else if (magnitude >= 10) {
      decimals = 1;
    } else if (magnitude >= 1) {
      decimals = 2;
    } else if (magnitude == 0) {
      decimals = 0;
    } else {
      decimals = Math.max(2, 2 - (int) Math.floor(Math.log10(magnitude)));
    }
    return fixed(value, decimals);
  }

  /** A value with a fixed number of decimals, half up, grouping commas. */
  static String fixed(double value, int decimals) {
    BigDecimal rounded =
        new BigDecimal(Double.toString(value)).setScale(decimals, RoundingMode.HALF_UP);
    DecimalFormat format =
        new DecimalFormat(
            decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
            DecimalFormatSymbols.getInstance(Locale.ROOT));
    String text = format.format(rounded);
    return text.equals("-" + format.format(BigDecimal.ZERO)) ? text.substring(1) : text;
  }

  /** A p-value: "< 0.001" below 0.001, else 3 decimals. */
  static String pValue(double p) {
    return p < 0.001 ? "< 0.001" : fixed(p, 3);
  }

  /** "95%" for 0.95, "99.8%" for 0.998. */
  static String level(double level) {
    return DataTable.number(new BigDecimal(Double.toString(level)).movePointRight(2).doubleValue())
        + "%";
  }

  /** The symbols among {@code values}, in {@link Symbol} order. */
  static Set<Symbol> symbols(Collection<PublishedValue> values) {
    Set<Symbol> symbols = EnumSet.noneOf(Symbol.class);
    values.forEach(value -> value.symbol().ifPresent(symbols::add));
    return symbols;
  }

  /**
   * What the symbols mean, for a note under a chart: "c = suppressed to protect confidentiality; x
   * = not available".
   */
  static String symbolNote(Set<Symbol> symbols) {
    List<String> parts =
        symbols.stream().map(symbol -> symbol.code() + " = " + meaning(symbol)).toList();
    return String.join("; ", parts);
  }

  static String meaning(Symbol symbol) {
    return switch (symbol) {
      case CONFIDENTIAL -> "suppressed to protect confidentiality";
      case NOT_APPLICABLE -> "not applicable";
      case UNAVAILABLE -> "not available";
      case LOW -> "rounds to zero";
      case LOW_RELIABILITY -> "low reliability";
    };
  }

  /** A published symbol with a word or two, drawn where its value would be: "c (suppressed)". */
  static String shortMeaning(PublishedValue value) {
    if (value.symbol().isEmpty()) {
      return value.text();
    }
    String meaning =
        switch (value.symbol().get()) {
          case CONFIDENTIAL -> "suppressed";
          case NOT_APPLICABLE -> "not applicable";
          case UNAVAILABLE -> "not available";
          case LOW -> "rounds to zero";
          case LOW_RELIABILITY -> "low reliability";
        };
    return value.text() + " (" + meaning + ")";
  }

  /** "a", "a and b", "a, b and c". */
  static String listed(List<String> items) {
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " and "
        + items.get(items.size() - 1);
  }
}
