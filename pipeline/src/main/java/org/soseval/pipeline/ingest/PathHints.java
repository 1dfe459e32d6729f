package org.soseval.pipeline.ingest;

import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a deposit's path says about its collection year and LA. A collection year is written as the
 * year the collection ends ({@code 2016}) or as the two years it spans ({@code 201516}, {@code
 * 2015-16}, {@code 1516}, {@code 15-16}), in any folder or the file name. A number of another
 * length (an LA code such as {@code 855}, a date such as {@code 20160331}) is not a year. An LA
 * code is a folder named by exactly three digits.
 */
final class PathHints {
  static final String NAMING_ADVICE =
      "Name the file or its folder by one collection year, e.g. 2016, 2015-16 or 201516 for the"
          + " year ending 31 March 2016";

  private static final Pattern SPAN_FULL =
      Pattern.compile("(?<!\\d)(20\\d{2})[-_](20\\d{2})(?!\\d)");
  private static final Pattern SPAN_LONG =
      Pattern.compile("(?<!\\d)(20\\d{2})[-_]?(\\d{2})(?!\\d)");
  private static final Pattern SPAN_SHORT = Pattern.compile("(?<!\\d)(\\d{2})[-_]?(\\d{2})(?!\\d)");
  private static final Pattern YEAR = Pattern.compile("(?<!\\d)(20\\d{2})(?!\\d)");
  private static final Pattern LA = Pattern.compile("\\d{3}");

  private PathHints() {}

  /** The years named in {@code relative} (a path under the deposits folder), in order. */
  static TreeSet<Integer> years(Path relative) {
    TreeSet<Integer> years = new TreeSet<>();
    for (Path part : relative) {
      String name = part.toString();
      int dot = name.lastIndexOf('.');
      if (dot > 0) {
        name = name.substring(0, dot);
      }
      collect(name, years);
    }
    return years;
  }

  private static void collect(String name, TreeSet<Integer> years) {
    StringBuilder masked = new StringBuilder(name);
    for (Pattern pattern : new Pattern[] {SPAN_FULL, SPAN_LONG, SPAN_SHORT}) {
      Matcher span = pattern.matcher(masked);
      while (span.find()) {
        int first = Integer.parseInt(span.group(1));
        int second = Integer.parseInt(span.group(2));
        int end = pattern == SPAN_FULL ? first + 1 : (first + 1) % 100;
        if (second == end) {
          int year = pattern == SPAN_SHORT ? 2000 + second : first + 1;
          if (year >= 2000 && year <= 2099) {
            years.add(year);
            for (int i = span.start(); i < span.end(); i++) {
              masked.setCharAt(i, 'x');
            }
          }
        }
      }
    }
    Matcher year = YEAR.matcher(masked);
    while (year.find()) {
      years.add(Integer.parseInt(year.group(1)));
    }
  }

  /** The LA code of the nearest folder named by three digits. */
  static Optional<String> la(Path relative) {
    Path parent = relative.getParent();
    for (int i = parent == null ? -1 : parent.getNameCount() - 1; i >= 0; i--) {
      String name = parent.getName(i).toString();
      if (LA.matcher(name).matches()) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }
}
