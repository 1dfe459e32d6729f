package org.soseval.pipeline.derive;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.soseval.pipeline.calendar.ReportingYears;
import org.soseval.pipeline.calendar.WorkingDays;

/**
 * The CIN indicators' facts from one child's whole census history in one LA (every collection
 * year's file at once), in plain Java so that Spark only has to bring a child's rows together.
 *
 * <p>Each real record counts once, the latest file's version winning (product.md "One record,
 * counted once"): episodes are keyed by referral date and order among the child's same-day
 * referrals, assessments, Section 47 enquiries and CP plans by their start date, conferences by
 * their date. Facts are made only for reporting years {@code firstYear..lastYear}.
 */
public final class CinHistory {
  /** Among versions of one record: the latest file, then the most complete. */
  static final Comparator<CinRecord> VERSION_ORDER =
      Comparator.comparingInt(CinRecord::collectionYear)
          .thenComparing(r -> r.end().isPresent())
          .thenComparing(r -> r.end().orElse(LocalDate.MIN))
          .thenComparing(r -> r.conference().isPresent())
          .thenComparing(r -> r.conference().orElse(LocalDate.MIN))
          .thenComparing(r -> r.previousPlans().orElse(-1));

  private static final WorkingDays WORKING_DAYS = WorkingDays.englandAndWales();

  private CinHistory() {}

  /** The facts of one child's records (in any order, with repeats across files). */
  public static List<Fact> facts(List<CinRecord> records, int firstYear, int lastYear) {
    List<CinRecord> episodes = new ArrayList<>();
    List<CinRecord> assessments = new ArrayList<>();
    List<CinRecord> enquiries = new ArrayList<>();
    List<CinRecord> plans = new ArrayList<>();
    for (CinRecord record : records) {
      switch (record.kind()) {
        case EPISODE -> episodes.add(record);
        case ASSESSMENT -> assessments.add(record);
        case SECTION47 -> enquiries.add(record);
        case CP_PLAN -> plans.add(record);
      }
    }
    Range range = new Range(firstYear, lastYear);
    List<Fact> facts = new ArrayList<>();
    List<CinRecord> uniqueEpisodes = uniqueEpisodes(episodes);
    referrals(uniqueEpisodes, range, facts);
    for (CinRecord episode : uniqueEpisodes) {
      openAt31(episode, Measure.CIN_AT31, range, facts);
    }
    for (CinRecord assessment : latest(assessments, r -> r.date().toString())) {
      assessment(assessment, range, facts);
    }
    List<CinRecord> uniqueEnquiries = latest(enquiries, r -> r.date().toString());
    for (CinRecord enquiry : uniqueEnquiries) {
      if (range.contains(enquiry.date())) {
        facts.add(new Fact(ReportingYears.of(enquiry.date()), Measure.S47, 0));
      }
    }
    conferences(uniqueEpisodes, uniqueEnquiries, range, facts);
    for (CinRecord plan : latest(plans, r -> r.date().toString())) {
      if (range.contains(plan.date())) {
        int subsequent = plan.previousPlans().orElse(0) > 0 ? 1 : 0;
        facts.add(new Fact(ReportingYears.of(plan.date()), Measure.CPP_START, subsequent));
      }
      openAt31(plan, Measure.CPP_AT31, range, facts);
    }
    return facts;
  }

  /** One version per key: the latest file's, the most complete among equals. */
  static List<CinRecord> latest(List<CinRecord> versions, Function<CinRecord, String> key) {
    Map<String, CinRecord> chosen = new TreeMap<>();
    for (CinRecord version : versions) {
      chosen.merge(key.apply(version), version, CinHistory::later);
    }
    return new ArrayList<>(chosen.values());
  }

  /**
   * One version per real episode. A file numbers only the same-day referrals it holds: when one of
   * a child's two same-day episodes closed in year N, year N+1's file holds the other as the first.
   * So each referral date's versions are matched file by file, in order, first to the episodes that
   * file could hold (not closed before its year began), then to the rest; a file holding more
   * same-day referrals than seen so far adds episodes.
   */
  static List<CinRecord> uniqueEpisodes(List<CinRecord> versions) {
    Map<LocalDate, List<CinRecord>> byReferral = new TreeMap<>();
    for (CinRecord version : versions) {
      byReferral.computeIfAbsent(version.date(), date -> new ArrayList<>()).add(version);
    }
    List<CinRecord> unique = new ArrayList<>();
    for (List<CinRecord> sameDay : byReferral.values()) {
      if (sameDay.stream().allMatch(v -> v.ordinal() == sameDay.get(0).ordinal())) {
        unique.add(sameDay.stream().reduce(CinHistory::later).orElseThrow());
      } else {
        unique.addAll(matchSameDay(sameDay));
      }
    }
    return unique;
  }

  private static List<CinRecord> matchSameDay(List<CinRecord> versions) {
    Map<Integer, Map<Integer, CinRecord>> files = new TreeMap<>();
    for (CinRecord version : versions) {
      files
          .computeIfAbsent(version.collectionYear(), year -> new TreeMap<>())
          .merge(version.ordinal(), version, CinHistory::later);
    }
    List<CinRecord> episodes = new ArrayList<>();
    for (Map.Entry<Integer, Map<Integer, CinRecord>> file : files.entrySet()) {
      LocalDate yearStart = ReportingYears.start(file.getKey());
      List<Integer> candidates = new ArrayList<>();
      List<Integer> closedBefore = new ArrayList<>();
      for (int i = 0; i < episodes.size(); i++) {
        boolean couldBeHeld = episodes.get(i).end().map(e -> !e.isBefore(yearStart)).orElse(true);
        (couldBeHeld ? candidates : closedBefore).add(i);
      }
      candidates.addAll(closedBefore);
      int next = 0;
      for (CinRecord version : file.getValue().values()) {
        if (next < candidates.size()) {
          int episode = candidates.get(next++);
          episodes.set(episode, later(episodes.get(episode), version));
        } else {
          episodes.add(version);
        }
      }
    }
    return episodes;
  }

  private static CinRecord later(CinRecord a, CinRecord b) {
    return VERSION_ORDER.compare(a, b) >= 0 ? a : b;
  }

  /**
   * A referral is a re-referral when the child has a referral on an earlier day (any referral, NFA
   * included; same-day referrals are not earlier than each other) within the 12 months before.
   */
  private static void referrals(List<CinRecord> episodes, Range range, List<Fact> facts) {
    List<LocalDate> dates = new ArrayList<>();
    episodes.forEach(e -> dates.add(e.date()));
    dates.sort(null);
    for (CinRecord episode : episodes) {
      if (!range.contains(episode.date())) {
        continue;
      }
      LocalDate previous = null;
      for (LocalDate date : dates) {
        if (!date.isBefore(episode.date())) {
          break;
        }
        previous = date;
      }
      boolean again = previous != null && TwelveMonths.within(previous, episode.date());
      facts.add(new Fact(ReportingYears.of(episode.date()), Measure.REFERRAL, again ? 1 : 0));
    }
  }

  private static void assessment(CinRecord assessment, Range range, List<Fact> facts) {
    Optional<LocalDate> authorised = assessment.end();
    if (authorised.isEmpty() || !range.contains(authorised.get())) {
      return;
    }
    int year = ReportingYears.of(authorised.get());
    OptionalDays days = workingDays(assessment.date(), authorised.get());
    facts.add(
        days.known()
            ? new Fact(year, Measure.ASSESSMENT, days.days())
            : new Fact(year, Measure.ASSESSMENT_UNTIMED, 0));
  }

  /**
   * Conferences are (child, date): those dated on Section 47 records and at episode level, each
   * once. A conference dated on a Section 47 record is timed from that record's start (the latest
   * such start on or before the conference, if several records carry the same date).
   */
  private static void conferences(
      List<CinRecord> episodes, List<CinRecord> enquiries, Range range, List<Fact> facts) {
    Map<LocalDate, Optional<LocalDate>> byDate = new TreeMap<>();
    for (CinRecord enquiry : enquiries) {
      if (enquiry.conference().isEmpty()) {
        continue;
      }
      LocalDate conference = enquiry.conference().get();
      Optional<LocalDate> start =
          enquiry.date().isAfter(conference) ? Optional.empty() : Optional.of(enquiry.date());
      byDate.merge(conference, start, CinHistory::laterStart);
    }
    for (CinRecord episode : episodes) {
      episode.conference().ifPresent(date -> byDate.putIfAbsent(date, Optional.empty()));
    }
    for (Map.Entry<LocalDate, Optional<LocalDate>> conference : byDate.entrySet()) {
      LocalDate date = conference.getKey();
      if (!range.contains(date)) {
        continue;
      }
      int year = ReportingYears.of(date);
      facts.add(new Fact(year, Measure.ICPC, 0));
      if (conference.getValue().isPresent()) {
        OptionalDays days = workingDays(conference.getValue().get(), date);
        if (days.known()) {
          facts.add(new Fact(year, Measure.ICPC_S47_DAYS, days.days()));
        }
      }
    }
  }

  private static Optional<LocalDate> laterStart(Optional<LocalDate> a, Optional<LocalDate> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return a.get().isAfter(b.get()) ? a : b;
  }

  /**
   * Facts for every 31 March the record is open at: started on or before it and not ended on or
   * before it. A record without an end is known to be open only up to 31 March of the collection
   * year of the version that says so.
   */
  static void openAt31(CinRecord record, Measure measure, Range range, List<Fact> facts) {
    openAt31(record.date(), record.end(), record.collectionYear(), measure, range, facts);
  }

  static void openAt31(
      LocalDate start,
      Optional<LocalDate> end,
      int versionYear,
      Measure measure,
      Range range,
      List<Fact> facts) {
    int last = end.isPresent() ? ReportingYears.of(end.get()) : versionYear;
    for (int year = Math.max(ReportingYears.of(start), range.first());
        year <= Math.min(last, range.last());
        year++) {
      LocalDate march31 = ReportingYears.end(year);
      boolean open = !start.isAfter(march31) && (end.isEmpty() || end.get().isAfter(march31));
      if (open) {
        facts.add(new Fact(year, measure, 0));
      }
    }
  }

  /** Working days from {@code start} to {@code end}, when both lie in the calendar and in order. */
  static OptionalDays workingDays(LocalDate start, LocalDate end) {
    if (end.isBefore(start)) {
      return OptionalDays.UNKNOWN;
    }
    try {
      return new OptionalDays(true, WORKING_DAYS.between(start, end));
    } catch (IllegalArgumentException outsideCalendar) {
      return OptionalDays.UNKNOWN;
    }
  }

  /** A number of working days, or unknown. */
  record OptionalDays(boolean known, int days) {
    static final OptionalDays UNKNOWN = new OptionalDays(false, 0);
  }

  /** The reporting years facts are made for. */
  record Range(int first, int last) {
    boolean contains(LocalDate date) {
      int year = ReportingYears.of(date);
      return year >= first && year <= last;
    }
  }
}
