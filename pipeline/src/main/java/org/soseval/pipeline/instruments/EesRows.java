package org.soseval.pipeline.instruments;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.soseval.pipeline.geography.LocalAuthorities;
import org.soseval.pipeline.geography.LocalAuthority;
import org.soseval.pipeline.publish.EesFile.Column;
import org.soseval.pipeline.stats.disclosure.DisplayRounding;
import org.soseval.pipeline.stats.disclosure.PublishedValue;

/** The EES identifier cells and number formatting shared by the instrument tables. */
final class EesRows {
  /** The filter that keeps pooled rows of pilots and comparison LAs apart. */
  static final Column GROUP = Column.filter("comparison_group", "Pilot or comparison LAs");

  private EesRows() {}

  /** Time and geography cells of a row about {@code la}, or the national row when empty. */
  static List<String> identifiers(int reportingYear, Optional<String> la) {
    List<String> cells = new ArrayList<>();
    cells.add(Integer.toString(reportingYear));
    cells.add("Reporting year");
    if (la.isEmpty()) {
      cells.addAll(List.of("National", "E92000001", "England", "", "", "", "", ""));
      return cells;
    }
    Optional<LocalAuthority> authority = LocalAuthorities.byCode(la.get());
    cells.addAll(List.of("Local authority", "E92000001", "England"));
    cells.add(authority.map(LocalAuthority::regionCode).orElse(""));
    cells.add(authority.map(LocalAuthority::regionName).orElse(""));
    cells.add(la.get());
    cells.add(authority.map(LocalAuthority::gssCode).orElse(""));
    cells.add(authority.map(LocalAuthority::name).orElse(""));
    return cells;
  }

  /** The columns of {@code parts}, in order. */
  @SafeVarargs
  static List<Column> columns(List<Column>... parts) {
    List<Column> all = new ArrayList<>();
    for (List<Column> part : parts) {
      all.addAll(part);
    }
    return List.copyOf(all);
  }

  /** Half-up to {@code decimals} places; {@code x} when not finite. */
  static String number(double value, int decimals) {
    if (!Double.isFinite(value)) {
      return "x";
    }
    return DisplayRounding.halfUp(value, decimals).toPlainString();
  }

  static String number(OptionalDouble value, int decimals) {
    return value.isPresent() ? number(value.getAsDouble(), decimals) : "z";
  }

  /** A value shown only when {@code shown} (else the symbol of {@code gate}). */
  static String gated(PublishedValue gate, double value, int decimals) {
    return gate.number().isPresent() ? number(value, decimals) : gate.text();
  }
}
