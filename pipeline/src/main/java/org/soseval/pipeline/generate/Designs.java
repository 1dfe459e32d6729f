package org.soseval.pipeline.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.soseval.pipeline.geography.LocalAuthorities;
import org.soseval.pipeline.geography.LocalAuthority;

/** Ready-made designs: a seeded random choice of LAs, and the Signs of Safety wave-1 demo. */
public final class Designs {
  /**
   * The ten wave-1 pilots of the DfE Signs of Safety innovation project with their prior experience
   * of the model (Baginsky et al. 2017, as summarised in docs/domain.md §6). The go-live dates are
   * illustrative: the project ran from autumn 2014.
   */
  private static final List<Pilot> WAVE_ONE =
      List.of(
          new Pilot("304", LocalDate.of(2014, 10, 1), "2 years"),
          new Pilot("801", LocalDate.of(2014, 11, 1), "new"),
          new Pilot("855", LocalDate.of(2014, 9, 1), "2+ years"),
          new Pilot("925", LocalDate.of(2014, 10, 1), "2 years"),
          new Pilot("926", LocalDate.of(2014, 12, 1), "new"),
          new Pilot("935", LocalDate.of(2014, 10, 1), "2 years"),
          new Pilot("211", LocalDate.of(2014, 9, 1), "2+ years"),
          new Pilot("384", LocalDate.of(2015, 1, 5), "new"),
          new Pilot("938", LocalDate.of(2014, 9, 1), "2+ years"),
          new Pilot("872", LocalDate.of(2014, 11, 3), "new"));

  private static final String[] GROUPS = {"new", "2 years", "2+ years"};

  private Designs() {}

  /**
   * {@code authorities} LAs chosen by {@code seed} from the stable LAs, the first {@code pilots} of
   * them pilots going live around {@code goLive} (spread over three months).
   */
  public static Design random(
      int firstYear,
      int lastYear,
      long seed,
      double scale,
      int authorities,
      int pilots,
      LocalDate goLive,
      List<PlantedEffect> effects) {
    List<LocalAuthority> stable = LocalAuthorities.stable();
    if (authorities < 1 || authorities > stable.size()) {
      throw new IllegalArgumentException(
          "authorities must be between 1 and " + stable.size() + ": " + authorities);
    }
    if (pilots < 0 || pilots > authorities) {
      throw new IllegalArgumentException(
          "pilots must be between 0 and the number of authorities ("
              + authorities
              + "): "
              + pilots);
    }
    List<LocalAuthority> shuffled = new ArrayList<>(stable);
    Collections.shuffle(shuffled, new Random(seed));
    List<LocalAuthority> chosen = shuffled.subList(0, authorities);
    List<Pilot> pilotList = new ArrayList<>();
    List<String> comparators = new ArrayList<>();
    for (int i = 0; i < chosen.size(); i++) {
      String code = chosen.get(i).code();
      if (i < pilots) {
        pilotList.add(new Pilot(code, goLive.plusMonths(i % 4), GROUPS[i % GROUPS.length]));
      } else {
        comparators.add(code);
      }
    }
    comparators.sort(null);
    return new Design(firstYear, lastYear, seed, scale, pilotList, comparators, effects);
  }

  /**
   * The demo evaluation: the ten wave-1 pilots and {@code comparators} other LAs chosen by {@code
   * seed}, collection years 2012-2019.
   */
  public static Design waveOneDemo(
      long seed, double scale, int comparators, List<PlantedEffect> effects) {
    List<String> pilotCodes = WAVE_ONE.stream().map(Pilot::la).toList();
    List<LocalAuthority> others = new ArrayList<>();
    for (LocalAuthority la : LocalAuthorities.stable()) {
      if (!pilotCodes.contains(la.code()) && la.children2013() >= 20_000) {
        others.add(la);
      }
    }
    Collections.shuffle(others, new Random(seed));
    List<String> chosen = new ArrayList<>();
    for (LocalAuthority la : others.subList(0, Math.min(comparators, others.size()))) {
      chosen.add(la.code());
    }
    chosen.sort(null);
    return new Design(2012, 2019, seed, scale, WAVE_ONE, chosen, effects);
  }
}
