package org.soseval.pipeline.derive;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One child's periods of care across every SSDA903 return of an LA in the lake, with the open
 * episodes that later returns contradict repaired by documented rules (after LIIA's SSDA903
 * "episodes fix", ../shared/docs/domain.md §2.4) and marked as imputed.
 *
 * <ol>
 *   <li>One version per {@code DECOM}, the latest return's, short breaks removed ({@link
 *       CareHistory#latest}).
 *   <li>The rules of {@link Rule}, in their order, on the episodes left open ({@code DEC} blank) in
 *       a return that is not the LA's latest, and on the links between consecutive episodes.
 *   <li>The episodes stitched into periods ({@link CareHistory#periods}): a period starts at an
 *       {@code RNE} S episode (or the child's first in the lake) and ends at the first episode that
 *       ceased with a reason other than X1.
 * </ol>
 *
 * @param number 1, 2, ... in start order among the child's periods
 * @param start {@code DECOM} of the period's first episode
 * @param startRne {@code RNE} of the first episode: S when the start of care is in the lake
 * @param startLegalStatus {@code LS} of the first episode
 * @param end the period's end: {@code DEC} of the episode that ended it
 * @param endReason its {@code REC} ({@code E99} when imputed: the reason is unknown)
 * @param status {@code ended}; {@code open} (still looked after at the LA's latest return); or
 *     {@code end_unknown} (a new period started, or the last episode ended X1, with no end given)
 * @param episodes the number of episodes in the period
 * @param firstReturn the earliest collection year of the returns its episodes came from
 * @param lastReturn the latest such year
 * @param imputedBy the rules that changed or removed an episode of the period (empty: none)
 */
public record CarePeriod(
    int number,
    LocalDate start,
    String startRne,
    String startLegalStatus,
    Optional<LocalDate> end,
    Optional<String> endReason,
    String status,
    int episodes,
    int firstReturn,
    int lastReturn,
    Set<Rule> imputedBy) {

  /** The reason given to an episode whose end was imputed (LIIA's code for "ceased, unknown"). */
  public static final String UNKNOWN_REASON = "E99";

  public CarePeriod {
    Objects.requireNonNull(start, "start is null");
    Objects.requireNonNull(end, "end is null");
    Objects.requireNonNull(endReason, "endReason is null");
    imputedBy = Set.copyOf(imputedBy);
  }

  /** Whether a rule changed or removed one of the period's episodes. */
  public boolean imputed() {
    return !imputedBy.isEmpty();
  }

  /** The rule ids, {@code ;}-separated in rule order, or empty. */
  public Optional<String> imputedByIds() {
    if (imputedBy.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(String.join(";", EnumSet.copyOf(imputedBy).stream().map(Rule::id).toList()));
  }

  /** The repair rules. N is the collection year of the return an open episode came from. */
  public enum Rule {
    /**
     * An episode left open in return N is not in a later return, which instead holds an episode of
     * the child that began on or before 31 March N and was still open after it (the LA corrected
     * its DECOM or its predecessor's DEC): the open episode is dropped. LIIA RULE_3/3A.
     */
    REPLACED("903_REPLACED"),
    /**
     * An episode left open in return N is followed by an episode whose RNE is not S: the child
     * stayed looked after, so DEC = the next DECOM and REC = X1. LIIA RULE_1.
     */
    OPEN_CONTINUED("903_OPEN_CONTINUED"),
    /**
     * An episode left open in return N, with no later episode while the LA has a later return, or
     * followed by an RNE S episode, or by one that starts after a year (N+1) whose return the LA
     * deposited without the child: the child left care, so DEC = 31 March N (or the day before the
     * next DECOM when that is earlier) and REC = E99. LIIA RULE_1A and RULE_2.
     */
    OPEN_ENDED("903_OPEN_ENDED"),
    /**
     * An episode whose DEC is after the next episode's DECOM: DEC = the next DECOM. LIIA RULE_4.
     */
    OVERLAP("903_OVERLAP"),
    /**
     * An episode that ended X1 before the next (non-S) episode began: DEC = the next DECOM. LIIA
     * RULE_5.
     */
    X1_GAP("903_X1_GAP");

    private final String id;

    Rule(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  /**
   * The periods of one child.
   *
   * @param versions the child's episodes as each return holds them (any order, with repeats)
   * @param returnYears the collection years of the LA's SSDA903 returns in the lake
   */
  public static List<CarePeriod> of(List<CareEpisode> versions, SortedSet<Integer> returnYears) {
    if (versions.isEmpty()) {
      return List.of();
    }
    SortedSet<Integer> years = new TreeSet<>(returnYears);
    versions.forEach(version -> years.add(version.collectionYear()));
    Map<LocalDate, Set<Rule>> rules = new HashMap<>();
    List<CareEpisode> episodes = replaced(CareHistory.latest(versions), rules);
    episodes = closeOpen(episodes, years, rules);
    episodes = links(episodes, rules);
    List<CarePeriod> periods = new ArrayList<>();
    for (CareHistory.Period period : CareHistory.periods(episodes)) {
      List<CareEpisode> own = period.episodes();
      CareEpisode first = own.get(0);
      CareEpisode last = own.get(own.size() - 1);
      Set<Rule> imputed = EnumSet.noneOf(Rule.class);
      int firstReturn = Integer.MAX_VALUE;
      int lastReturn = Integer.MIN_VALUE;
      for (CareEpisode episode : own) {
        imputed.addAll(rules.getOrDefault(episode.decom(), Set.of()));
        firstReturn = Math.min(firstReturn, episode.collectionYear());
        lastReturn = Math.max(lastReturn, episode.collectionYear());
      }
      String status =
          period.end().isPresent() ? "ended" : last.dec().isEmpty() ? "open" : "end_unknown";
      periods.add(
          new CarePeriod(
              periods.size() + 1,
              first.decom(),
              first.rne(),
              first.legalStatus(),
              period.end(),
              period.reason(),
              status,
              own.size(),
              firstReturn,
              lastReturn,
              imputed));
    }
    return periods;
  }

  private static LocalDate yearEnd(int year) {
    return LocalDate.of(year, 3, 31);
  }

  private static boolean openAfter(CareEpisode episode, LocalDate date) {
    return !episode.decom().isAfter(date)
        && (episode.dec().isEmpty() || episode.dec().get().isAfter(date));
  }

  /** Rule REPLACED; the rule is recorded on the latest return's episode that replaced it. */
  private static List<CareEpisode> replaced(
      List<CareEpisode> episodes, Map<LocalDate, Set<Rule>> rules) {
    Set<LocalDate> dropped = new HashSet<>();
    for (CareEpisode open : episodes) {
      if (open.dec().isPresent()) {
        continue;
      }
      LocalDate end = yearEnd(open.collectionYear());
      episodes.stream()
          .filter(other -> other != open && other.collectionYear() > open.collectionYear())
          .filter(other -> openAfter(other, end))
          .max(
              Comparator.comparingInt(CareEpisode::collectionYear)
                  .thenComparing(CareEpisode::decom))
          .ifPresent(
              replacement -> {
                dropped.add(open.decom());
                mark(rules, replacement.decom(), Rule.REPLACED);
              });
    }
    List<CareEpisode> kept =
        episodes.stream().filter(episode -> !dropped.contains(episode.decom())).toList();
    for (LocalDate decom : dropped) {
      Set<Rule> lost = rules.remove(decom); // a replacement itself replaced later
      if (lost != null && !kept.isEmpty()) {
        CareEpisode heir =
            kept.stream()
                .filter(e -> e.decom().isAfter(decom))
                .findFirst()
                .orElse(kept.get(kept.size() - 1));
        lost.forEach(rule -> mark(rules, heir.decom(), rule));
      }
    }
    return kept;
  }

  /** Rules OPEN_CONTINUED and OPEN_ENDED. */
  private static List<CareEpisode> closeOpen(
      List<CareEpisode> episodes, SortedSet<Integer> years, Map<LocalDate, Set<Rule>> rules) {
    List<CareEpisode> out = new ArrayList<>(episodes.size());
    for (int i = 0; i < episodes.size(); i++) {
      CareEpisode episode = episodes.get(i);
      int year = episode.collectionYear();
      Optional<CareEpisode> next =
          i + 1 < episodes.size() ? Optional.of(episodes.get(i + 1)) : Optional.empty();
      if (episode.dec().isPresent() || (next.isEmpty() && year >= years.last())) {
        out.add(episode); // closed, or still open at the LA's latest return
        continue;
      }
      boolean absentAYear =
          next.isPresent()
              && next.get().decom().isAfter(yearEnd(year + 1))
              && years.contains(year + 1);
      if (next.isPresent() && !next.get().rne().equals("S") && !absentAYear) {
        out.add(with(episode, next.get().decom(), "X1"));
        mark(rules, episode.decom(), Rule.OPEN_CONTINUED);
      } else {
        LocalDate end = yearEnd(year);
        if (next.isPresent() && next.get().decom().minusDays(1).isBefore(end)) {
          end = next.get().decom().minusDays(1);
        }
        out.add(with(episode, end, UNKNOWN_REASON));
        mark(rules, episode.decom(), Rule.OPEN_ENDED);
      }
    }
    return out;
  }

  /** Rules OVERLAP and X1_GAP. */
  private static List<CareEpisode> links(
      List<CareEpisode> episodes, Map<LocalDate, Set<Rule>> rules) {
    List<CareEpisode> out = new ArrayList<>(episodes.size());
    for (int i = 0; i < episodes.size(); i++) {
      CareEpisode episode = episodes.get(i);
      if (i + 1 < episodes.size() && episode.dec().isPresent()) {
        CareEpisode next = episodes.get(i + 1);
        LocalDate dec = episode.dec().get();
        if (dec.isAfter(next.decom())) {
          episode = with(episode, next.decom(), episode.rec().orElse(null));
          mark(rules, episode.decom(), Rule.OVERLAP);
        } else if (dec.isBefore(next.decom())
            && episode.rec().orElse("").equals("X1")
            && !next.rne().equals("S")) {
          episode = with(episode, next.decom(), "X1");
          mark(rules, episode.decom(), Rule.X1_GAP);
        }
      }
      out.add(episode);
    }
    return out;
  }

  private static CareEpisode with(CareEpisode episode, LocalDate dec, String rec) {
    return CareEpisode.of(
        episode.collectionYear(), episode.decom(), episode.rne(), episode.legalStatus(), dec, rec);
  }

  private static void mark(Map<LocalDate, Set<Rule>> rules, LocalDate decom, Rule rule) {
    rules.computeIfAbsent(decom, d -> EnumSet.noneOf(Rule.class)).add(rule);
  }
}
