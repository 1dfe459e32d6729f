package org.soseval.pipeline.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What a synthetic deposit set contains: the collection years, the pilots with go-live dates, the
 * comparison LAs and the planted effects. Written to {@code truth.json} beside the deposits.
 *
 * @param firstYear first collection year (the census ending 31 March firstYear)
 * @param lastYear last collection year
 * @param seed the random seed; the same design and seed give byte-identical files
 * @param scale multiplies every LA's child population (1 = real size)
 */
public record Design(
    int firstYear,
    int lastYear,
    long seed,
    double scale,
    List<Pilot> pilots,
    List<String> comparators,
    List<PlantedEffect> effects) {

  /** The earliest collection year the bank-holiday calendar and burn-in allow. */
  public static final int EARLIEST_YEAR = 2008;

  /** The latest collection year the calendar allows. */
  public static final int LATEST_YEAR = 2030;

  public Design {
    if (firstYear < EARLIEST_YEAR || lastYear > LATEST_YEAR || firstYear > lastYear) {
      throw new IllegalArgumentException(
          "years must run forwards within "
              + EARLIEST_YEAR
              + "-"
              + LATEST_YEAR
              + ": "
              + firstYear
              + "-"
              + lastYear);
    }
    if (!(scale > 0 && scale <= 10)) {
      throw new IllegalArgumentException("scale must be in (0, 10]: " + scale);
    }
    pilots = List.copyOf(pilots);
    comparators = List.copyOf(comparators);
    effects = List.copyOf(effects);
    TreeSet<String> seen = new TreeSet<>();
    for (String la : authorities(pilots, comparators)) {
      if (!seen.add(la)) {
        throw new IllegalArgumentException("LA " + la + " appears twice in the design");
      }
    }
    for (PlantedEffect effect : effects) {
      Objects.requireNonNull(effect, "effect is null");
    }
  }

  /** Every LA in the design, pilots first, in design order. */
  public List<String> authorities() {
    return authorities(pilots, comparators);
  }

  private static List<String> authorities(List<Pilot> pilots, List<String> comparators) {
    List<String> all = new ArrayList<>();
    pilots.forEach(pilot -> all.add(pilot.la()));
    all.addAll(comparators);
    return all;
  }

  public Optional<Pilot> pilot(String la) {
    return pilots.stream().filter(pilot -> pilot.la().equals(la)).findFirst();
  }
}
