package org.soseval.pipeline.derive;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.soseval.pipeline.calendar.ReportingYears;

/**
 * The SSDA903 indicators' facts from one child's episodes across every return of one LA, in plain
 * Java.
 *
 * <ol>
 *   <li>Each episode counts once, keyed by {@code DECOM}: the latest return's version wins (so an
 *       episode open at 31 March in year N and closed in year N+1 takes N+1's {@code DEC} and
 *       {@code REC}).
 *   <li>Short breaks ({@code LS} V3/V4) are dropped before anything else: they are excluded from
 *       every CLA figure.
 *   <li>The remaining episodes, in {@code DECOM} order, are stitched into periods of care: a period
 *       starts at an {@code RNE} S episode (or at the child's first episode in the lake, which is
 *       then not counted as a start unless it is S) and ends at the first episode that ceased with
 *       a reason other than X1. An S episode while a period is still open ends that period at an
 *       unknown date (not counted as ceased).
 * </ol>
 */
public final class CareHistory {
  /** Among versions of one episode: the latest return, then the one that says it ended. */
  static final Comparator<CareEpisode> VERSION_ORDER =
      Comparator.comparingInt(CareEpisode::collectionYear)
          .thenComparing(e -> e.dec().isPresent())
          .thenComparing(e -> e.dec().orElse(LocalDate.MIN))
          .thenComparing(e -> e.rec().isPresent());

  private CareHistory() {}

  /**
   * A period of care: its start (if S), its end and reason (if it ended on a known date), and its
   * episodes in {@code DECOM} order.
   */
  record Period(
      Optional<LocalDate> start,
      Optional<LocalDate> end,
      Optional<String> reason,
      List<CareEpisode> episodes) {}

  /** The facts of one child's episodes (in any order, with repeats across returns). */
  public static List<Fact> facts(List<CareEpisode> versions, int firstYear, int lastYear) {
    CinHistory.Range range = new CinHistory.Range(firstYear, lastYear);
    List<CareEpisode> episodes = latest(versions);
    List<Fact> facts = new ArrayList<>();
    List<Period> periods = periods(episodes);
    starts(periods, range, facts);
    ceased(periods, range, facts);
    at31(episodes, range, facts);
    return facts;
  }

  /** One version per {@code DECOM}, short breaks removed, in {@code DECOM} order. */
  static List<CareEpisode> latest(List<CareEpisode> versions) {
    Map<LocalDate, CareEpisode> chosen = new TreeMap<>();
    for (CareEpisode version : versions) {
      chosen.merge(version.decom(), version, (a, b) -> VERSION_ORDER.compare(a, b) >= 0 ? a : b);
    }
    return chosen.values().stream().filter(e -> !e.shortBreak()).toList();
  }

  static List<Period> periods(List<CareEpisode> episodes) {
    List<Period> periods = new ArrayList<>();
    Optional<LocalDate> start = Optional.empty();
    List<CareEpisode> current = new ArrayList<>();
    boolean open = false;
    for (CareEpisode episode : episodes) {
      boolean startsCare = episode.rne().equals("S");
      if (open && startsCare) {
        periods.add(new Period(start, Optional.empty(), Optional.empty(), current));
        open = false;
      }
      if (!open) {
        start = startsCare ? Optional.of(episode.decom()) : Optional.empty();
        current = new ArrayList<>();
        open = true;
      }
      current.add(episode);
      if (episode.endsPeriod()) {
        periods.add(new Period(start, episode.dec(), episode.rec(), current));
        open = false;
      }
    }
    if (open) {
      periods.add(new Period(start, Optional.empty(), Optional.empty(), current));
    }
    return periods;
  }

  /**
   * The first start per child in each year; a re-entry when the period before it ended within the
   * 12 months before the start.
   */
  private static void starts(List<Period> periods, CinHistory.Range range, List<Fact> facts) {
    TreeSet<Integer> counted = new TreeSet<>();
    for (int i = 0; i < periods.size(); i++) {
      Optional<LocalDate> start = periods.get(i).start();
      if (start.isEmpty() || !range.contains(start.get())) {
        continue;
      }
      int year = ReportingYears.of(start.get());
      if (!counted.add(year)) {
        continue;
      }
      Optional<LocalDate> previousEnd = i == 0 ? Optional.empty() : periods.get(i - 1).end();
      boolean reentry =
          previousEnd.isPresent() && TwelveMonths.within(previousEnd.get(), start.get());
      facts.add(new Fact(year, Measure.CLA_START, reentry ? 1 : 0));
    }
  }

  /** The last ending per child in each year; reunified when it ended with E4A or E4B. */
  private static void ceased(List<Period> periods, CinHistory.Range range, List<Fact> facts) {
    Map<Integer, Period> last = new TreeMap<>();
    for (Period period : periods) {
      if (period.end().isPresent() && range.contains(period.end().get())) {
        last.put(ReportingYears.of(period.end().get()), period);
      }
    }
    last.forEach(
        (year, period) -> {
          String reason = period.reason().orElse("");
          boolean home = reason.equals("E4A") || reason.equals("E4B");
          facts.add(new Fact(year, Measure.CLA_CEASED, home ? 1 : 0));
        });
  }

  /**
   * Looked after at 31 March: an episode started on or before it and not ceased on or before it.
   */
  private static void at31(List<CareEpisode> episodes, CinHistory.Range range, List<Fact> facts) {
    List<Fact> all = new ArrayList<>();
    for (CareEpisode episode : episodes) {
      CinHistory.openAt31(
          episode.decom(), episode.dec(), episode.collectionYear(), Measure.CLA_AT31, range, all);
    }
    all.stream()
        .map(Fact::year)
        .distinct()
        .forEach(y -> facts.add(new Fact(y, Measure.CLA_AT31, 0)));
  }
}
