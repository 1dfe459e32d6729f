package org.soseval.pipeline.generate;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntToDoubleFunction;
import org.soseval.pipeline.calendar.ReportingYears;
import org.soseval.pipeline.calendar.WorkingDays;
import org.soseval.pipeline.generate.ChildHistory.Assessment;
import org.soseval.pipeline.generate.ChildHistory.CareEpisode;
import org.soseval.pipeline.generate.ChildHistory.CarePeriod;
import org.soseval.pipeline.generate.ChildHistory.CinEpisode;
import org.soseval.pipeline.generate.ChildHistory.CinPlan;
import org.soseval.pipeline.generate.ChildHistory.Missing;
import org.soseval.pipeline.generate.ChildHistory.PreProceedings;
import org.soseval.pipeline.generate.ChildHistory.ProtectionPlan;
import org.soseval.pipeline.generate.ChildHistory.Section47;
import org.soseval.pipeline.geography.LocalAuthority;

/**
 * Simulates every child one LA works with, from referral through assessment, Section 47 enquiry,
 * conference, child protection plan and care, to closure and re-referral. Each child's whole
 * history is drawn from its own random stream when the child is first referred, so histories are
 * consistent across collection years (a child re-referred next year is the same child).
 *
 * <p>Volumes follow {@link NationalRates} times the LA's {@link AuthorityProfile}. Simulation
 * starts four years before the first collection year (so re-referrals and open plans have a
 * history) with a stock of children already in care, whose long stays a short burn-in would miss.
 */
final class CaseSimulator {
  private static final WorkingDays CALENDAR = WorkingDays.englandAndWales();
  private static final int BURN_IN_YEARS = 4;

  /** Share of referrals followed by another referral of the same child (any interval). */
  private static final double REREFERRAL = 0.42;

  private static final String[] SOURCES = {
    "1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F", "4", "5A", "5B", "5C",
    "5D", "6", "7", "8", "9", "10"
  };
  // Shares of referrals by source, England 2018-19 (DfE CIN census, table C1 by source): police
  // about 29%, schools 18%, health 14%, LA services 11%, individuals 8%, other and unknown the
  // rest.
  private static final double[] SOURCE_WEIGHTS = {
    3, 1, 1, 2, 18, 2, 2, 3, 1, 3, 4, 2, 2, 4, 4, 2, 2, 29, 3, 7, 1, 3
  };
  private static final String[] NEEDS = {"N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N0"};
  private static final double[] NEED_WEIGHTS = {40, 8, 5, 15, 17, 3, 1, 6, 5};
  private static final String[] FACTORS = {
    "1A", "1B", "1C", "2A", "2B", "2C", "3A", "3B", "3C", "4A", "4B", "4C", "5A", "5B", "6A", "6B",
    "7A", "8B", "9A", "10A", "11A", "12A", "13A", "14A", "15A", "16A", "17A", "18B", "18C", "19B",
    "19C", "20", "22A", "23A", "24A"
  };
  // Relative frequencies of factors at the end of assessment (DfE table C3 shape): domestic abuse
  // and parental mental health lead, then emotional abuse, neglect, drugs and alcohol.
  private static final double[] FACTOR_WEIGHTS = {
    1, 8, 2, 2, 9, 1, 6, 25, 5, 5, 22, 3, 3, 4, 3, 4, 1, 0.3, 1, 3, 3, 0.5, 1, 4, 5, 12, 16, 2, 5,
    1, 3, 8, 0.3, 0.3, 3
  };
  private static final String[] ETHNICITIES = {
    "WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN",
    "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT"
  };
  private static final double[] ETHNICITY_WEIGHTS = {
    66, 0.5, 0.3, 5, 1, 3, 1, 1, 3, 1.5, 4, 2, 1.5, 1.5, 4, 1, 0.2, 2.5, 0.3, 2
  };
  private static final double[] LONDON_ETHNICITY_WEIGHTS = {
    30, 1, 0.5, 12, 1, 5, 3, 2, 6, 3, 3, 6, 4, 6, 10, 3, 0.5, 5, 0.5, 3
  };
  private static final String[] DISABILITIES = {
    "MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS", "BEH", "CON", "AUT", "DDA"
  };
  private static final String[] CATEGORIES = {"NEG", "EMO", "PHY", "SAB", "MUL"};
  private static final double[] CATEGORY_WEIGHTS = {48, 36, 7, 4, 5};
  private static final String[] PLACE_CHANGE_REASONS = {
    "CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ", "PLACE",
    "OTHER"
  };
  private static final String UPN_CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

  private final LocalAuthority authority;
  private final AuthorityProfile profile;
  private final Optional<Pilot> pilot;
  private final Map<PlantedOutcome, Double> effects = new EnumMap<>(PlantedOutcome.class);
  private final IntToDoubleFunction children;
  private final Sampling random;
  private final LocalDate windowStart;
  private final LocalDate firstCensusStart;
  private final LocalDate windowEnd;
  private final EffectTally tally = new EffectTally();
  private final List<ChildHistory> histories = new ArrayList<>();
  private int nextChild = 1;

  /**
   * @param children the LA's child population (already scaled) for a reporting year
   */
  CaseSimulator(
      LocalAuthority authority,
      AuthorityProfile profile,
      Design design,
      IntToDoubleFunction children,
      Sampling random) {
    this.authority = authority;
    this.profile = profile;
    this.pilot = design.pilot(authority.code());
    if (pilot.isPresent()) {
      design.effects().forEach(effect -> effects.put(effect.outcome(), effect.relativeChange()));
    }
    this.children = children;
    this.random = random;
    this.firstCensusStart = LocalDate.of(design.firstYear() - 1, 4, 1);
    this.windowStart = firstCensusStart.minusYears(BURN_IN_YEARS);
    this.windowEnd = LocalDate.of(design.lastYear(), 3, 31);
  }

  static int reportingYear(LocalDate date) {
    return ReportingYears.of(date);
  }

  EffectTally tally() {
    return tally;
  }

  /** Every child with anything open on or after the first census year, in order of ID. */
  List<ChildHistory> run() {
    seedChildrenAlreadyInCare();
    for (LocalDate day = windowStart; !day.isAfter(windowEnd); day = day.plusDays(1)) {
      int year = reportingYear(day);
      double population = children.applyAsDouble(year);
      NationalRates rates = NationalRates.forYear(year);
      double drift = Math.pow(1 + profile.referralTrendPerYear(), year - 2016);
      double referrals =
          rates.referrals() * profile.referrals() * drift * population / 10_000 / 365.25;
      int arrivals = random.poisson(referrals * (1 - REREFERRAL));
      for (int i = 0; i < arrivals; i++) {
        simulateChild(day, random.split());
      }
      // unaccompanied asylum-seeking children: about 5% of starts in care (DfE CLA 2019)
      int asylumSeekers = random.poisson(1.4 * profile.care() * population / 10_000 / 365.25);
      for (int i = 0; i < asylumSeekers; i++) {
        simulateAsylumSeeker(day, random.split());
      }
      int shortBreaks = random.poisson(0.6 * population / 10_000 / 365.25);
      for (int i = 0; i < shortBreaks; i++) {
        simulateShortBreaks(day, random.split());
      }
    }
    List<ChildHistory> kept = new ArrayList<>();
    for (ChildHistory child : histories) {
      if (!child.lastActivity().isBefore(firstCensusStart)) {
        kept.add(child);
      }
    }
    kept.sort(Comparator.comparing(child -> child.id));
    return kept;
  }

  private ChildHistory newChild(
      LocalDate firstContact, int ageYears, boolean unborn, boolean asylumSeeker, Sampling r) {
    LocalDate birth;
    LocalDate expected = null;
    if (unborn) {
      expected = r.plusDays(firstContact, 30, 150);
      birth = r.plusDays(expected, -14, 14);
    } else {
      birth = firstContact.minusYears(ageYears).minusDays(r.between(0, 364));
    }
    ChildHistory.Sex sex =
        unborn
            ? (r.chance(0.5) ? ChildHistory.Sex.MALE : ChildHistory.Sex.FEMALE)
            : r.chance(0.003)
                ? ChildHistory.Sex.INDETERMINATE
                : r.chance(asylumSeeker ? 0.9 : 0.51)
                    ? ChildHistory.Sex.MALE
                    : ChildHistory.Sex.FEMALE;
    double[] ethnicityWeights =
        authority.regionCode().startsWith("E13") ? LONDON_ETHNICITY_WEIGHTS : ETHNICITY_WEIGHTS;
    List<String> disabilities = new ArrayList<>();
    if (r.chance(0.12)) {
      disabilities.add(r.pick(DISABILITIES));
      if (r.chance(0.3)) {
        String second = r.pick(DISABILITIES);
        if (!disabilities.contains(second)) {
          disabilities.add(second);
        }
      }
    } else if (r.chance(0.4)) {
      disabilities.add("NONE");
    }
    String upn = null;
    String upnUnknown = null;
    if (asylumSeeker) {
      upnUnknown = "UN2";
    } else if (ageYears >= 5 && !unborn && r.chance(0.92)) {
      upn = upn(birth, r);
    } else {
      upnUnknown = "UN1";
    }
    int earlierPlans =
        !unborn && r.chance(0.015 * ageYears) ? 1 + r.pick(new double[] {80, 15, 5}) : 0;
    ChildHistory child =
        new ChildHistory(
            childId(),
            birth,
            expected,
            sex,
            asylumSeeker
                ? r.pick(new String[] {"BAFR", "AOTH", "OOTH", "WOTH"})
                : r.pick(ETHNICITIES, ethnicityWeights),
            disabilities,
            upn,
            upnUnknown,
            asylumSeeker,
            postcode(r),
            earlierPlans);
    histories.add(child);
    return child;
  }

  private String childId() {
    int number = nextChild++;
    return profile.numericChildIds()
        ? String.format(Locale.ROOT, "%07d", number)
        : String.format(Locale.ROOT, "C%s%06d", authority.code(), number);
  }

  /** A UPN with a valid DfE check letter: letter, LA code, 4-digit school, 2-digit year, serial. */
  private String upn(LocalDate birth, Sampling r) {
    String body =
        authority.code()
            + String.format(
                Locale.ROOT,
                "%04d%02d%03d",
                r.between(2000, 7999),
                (birth.getYear() + 5) % 100,
                r.between(0, 999));
    int sum = 0;
    for (int i = 0; i < body.length(); i++) {
      sum += (body.charAt(i) - '0') * (i + 2);
    }
    return UPN_CHECK_LETTERS.charAt(sum % 23) + body;
  }

  private static String postcode(Sampling r) {
    String letters = "ABCDEFGHJKLMNOPRSTUWY";
    String inward = "ABDEFGHJLNPQRSTUWXYZ";
    return ""
        + letters.charAt(r.between(0, letters.length() - 1))
        + letters.charAt(r.between(0, letters.length() - 1))
        + r.between(1, 29)
        + " "
        + r.between(1, 9)
        + inward.charAt(r.between(0, inward.length() - 1))
        + inward.charAt(r.between(0, inward.length() - 1));
  }

  private int ageAtFirstReferral(Sampling r) {
    // DfE CIN census 2019: about 30% under 5, 30% aged 5-9, 30% aged 10-15, 10% aged 16-17
    int band = r.pick(new double[] {30, 30, 30, 10});
    return switch (band) {
      case 0 -> r.between(0, 4);
      case 1 -> r.between(5, 9);
      case 2 -> r.between(10, 15);
      default -> r.between(16, 17);
    };
  }

  private void simulateChild(LocalDate referral, Sampling r) {
    boolean unborn = r.chance(0.03);
    ChildHistory child = newChild(referral, unborn ? 0 : ageAtFirstReferral(r), unborn, false, r);
    LocalDate next = referral;
    boolean forcedCare = false;
    while (next != null
        && !next.isAfter(windowEnd)
        && next.isBefore(child.eighteenthBirthday().minusDays(30))) {
      CinEpisode episode = simulateEpisode(child, next, forcedCare, r);
      child.episodes.add(episode);
      if (episode.closure == null || episode.closure.isAfter(windowEnd)) {
        return;
      }
      CarePeriod lastCare =
          child.carePeriods.isEmpty() ? null : child.carePeriods.get(child.carePeriods.size() - 1);
      forcedCare = false;
      next = null;
      if (lastCare != null && !lastCare.start().isBefore(episode.referral)) {
        String exit = lastCare.exitReason();
        boolean home = exit.equals("E4A") || exit.equals("E4B") || exit.equals("E13");
        if (home && r.chance(0.22)) {
          forcedCare = true;
          next = r.plusDays(lastCare.end(), 30, 720);
        } else if (r.chance(home ? 0.15 : 0.05)) {
          next = r.plusDays(episode.closure, 30, 900);
        }
      } else if (r.chance(REREFERRAL * profile.rereferral())) {
        int reportingYear = reportingYear(episode.referral);
        double withinYear =
            Math.min(0.95, NationalRates.forYear(reportingYear).rereferralPercent() / 100 / 0.32);
        int lag =
            r.chance(withinYear) ? r.between(14, 365) : 366 + (int) Math.round(r.exponential(600));
        LocalDate byLag = episode.referral.plusDays(lag);
        LocalDate afterClosure = r.plusDays(episode.closure, 1, 14);
        next = byLag.isAfter(afterClosure) ? byLag : afterClosure;
      }
    }
  }

  private double effect(PlantedOutcome outcome, LocalDate date) {
    if (pilot.isEmpty() || date.isBefore(pilot.get().start())) {
      return 1;
    }
    return 1 + effects.getOrDefault(outcome, 0.0);
  }

  /** Decides an event with probability p, scaled by any planted effect, and tallies it. */
  private boolean decide(PlantedOutcome outcome, LocalDate date, double p, Sampling r) {
    double u = r.uniform();
    double factor = effect(outcome, date);
    boolean actual = u < Math.min(1, p * factor);
    if (pilot.isPresent() && effects.containsKey(outcome)) {
      tally.record(outcome, date, actual, u < Math.min(1, p));
    }
    return actual;
  }

  private CinEpisode simulateEpisode(
      ChildHistory child, LocalDate referral, boolean forcedCare, Sampling r) {
    int year = reportingYear(referral);
    NationalRates rates = NationalRates.forYear(year);
    String source = r.pick(SOURCES, SOURCE_WEIGHTS);
    double nfa = Math.min(0.5, rates.nfaPercent() / 100 * profile.noFurtherAction());
    CinEpisode episode = new CinEpisode(referral, source, !forcedCare && r.chance(nfa));
    if (episode.noFurtherAction) {
      episode.primaryNeed = "N9";
      episode.closure = r.plusDays(referral, 0, 5);
      episode.closureReason = "RC7";
      return episode;
    }
    LocalDate assessmentStart = r.plusDays(referral, 0, 7);
    double medianDays = 24 * profile.assessmentDuration();
    int workingDays = (int) Math.min(160, Math.round(medianDays * Math.exp(0.62 * r.normal()) - 1));
    LocalDate authorised = CALENDAR.plus(assessmentStart, Math.max(0, workingDays));

    double nonNfa = 1 - rates.nfaPercent() / 100;
    double pSection47 =
        forcedCare ? 0.6 : Math.min(0.9, rates.section47() / rates.referrals() / nonNfa);
    pSection47 = Math.min(0.95, pSection47 * (forcedCare ? 1 : profile.section47()));
    ProtectionPlan plan = null;
    LocalDate section47Start = null;
    LocalDate enquiry = r.plusDays(referral, 0, 10);
    if (decide(PlantedOutcome.S47_RATE, enquiry, pSection47, r)) {
      section47Start = enquiry;
      LocalDate target = CALENDAR.plus(section47Start, 15);
      double pConference = Math.min(0.9, rates.icpc() / rates.section47() * profile.icpc());
      LocalDate conference = CALENDAR.plus(section47Start, conferenceWorkingDays(r));
      if (decide(PlantedOutcome.ICPC_RATE, conference, pConference, r)) {
        boolean episodeLevel = r.chance(0.03);
        episode.section47s.add(
            new Section47(section47Start, target, episodeLevel ? null : conference, false));
        if (episodeLevel) {
          episode.episodeLevelIcpc = conference;
        }
        double pPlan = Math.min(0.97, rates.cpStarts() / rates.icpc() * profile.cpPlan());
        if (decide(PlantedOutcome.CPP_START_RATE, conference, pPlan, r)) {
          plan = protectionPlan(child, conference, r);
        }
      } else {
        episode.section47s.add(new Section47(section47Start, target, null, true));
      }
    }
    double planShare = rates.cpStarts() / rates.referrals() / nonNfa;
    double pNotInNeed =
        Math.min(0.9, rates.notInNeedPercent() / 100 / nonNfa / Math.max(0.1, 1 - planShare));
    boolean inNeed = plan != null || forcedCare || !r.chance(pNotInNeed);
    episode.assessments.add(new Assessment(assessmentStart, authorised, factors(inNeed, r)));
    episode.primaryNeed = section47Start != null ? "N1" : r.pick(NEEDS, NEED_WEIGHTS);
    if (!inNeed) {
      episode.closure = r.plusDays(authorised, 0, 10);
      episode.closureReason =
          !episode.closure.isBefore(LocalDate.of(2022, 4, 1)) && r.chance(0.4) ? "RC9" : "RC8";
      return episode;
    }

    LocalDate careStart = null;
    if (forcedCare) {
      careStart = r.plusDays(referral, 0, 14);
    } else if (plan != null) {
      long days = Math.max(1, plan.end().toEpochDay() - plan.start().toEpochDay());
      LocalDate entry = plan.start().plusDays(r.between(1, (int) Math.min(days, 365)));
      if (decide(PlantedOutcome.CLA_START_RATE, entry, 0.15 * profile.care(), r)) {
        careStart = entry;
      }
    } else if (section47Start != null) {
      LocalDate entry = r.plusDays(section47Start, 3, 60);
      if (decide(PlantedOutcome.CLA_START_RATE, entry, 0.09 * profile.care(), r)) {
        careStart = entry;
      }
    } else {
      LocalDate entry = r.plusDays(authorised, 10, 120);
      if (decide(PlantedOutcome.CLA_START_RATE, entry, 0.03 * profile.care(), r)) {
        careStart = entry;
      }
    }
    if (careStart != null && careStart.isBefore(child.birthDate)) {
      careStart = child.birthDate;
    }
    LocalDate adulthood = child.eighteenthBirthday();
    if (careStart != null && !careStart.isBefore(adulthood.minusDays(7))) {
      careStart = null;
    }
    if (plan != null && careStart != null && careStart.isBefore(plan.start())) {
      plan = null;
    }

    if (plan != null) {
      if (careStart != null && careStart.isBefore(plan.end())) {
        plan = endPlan(plan, careStart);
      }
      if (plan.end().isAfter(adulthood)) {
        plan = endPlan(plan, adulthood);
      }
      episode.plans.add(plan);
      if (!plan.start().isBefore(LocalDate.of(2025, 4, 1)) && r.chance(0.1)) {
        LocalDate start = r.plusDays(plan.start(), 20, 150);
        episode.preProceedings.add(
            new PreProceedings(start, r.plusDays(start, 0, 10), r.plusDays(start, 10, 30)));
      }
    }

    LocalDate end;
    if (careStart != null) {
      CarePeriod period = simulateCare(child, careStart, false, r);
      child.carePeriods.add(period);
      end = period.end() == null ? null : r.plusDays(period.end(), 0, 30);
      episode.closureReason = period.end() == null ? null : closureReasonAfterCare(period);
    } else if (plan != null) {
      end = plan.end();
      if (r.chance(0.5)) {
        LocalDate stepDown = plan.end().plusDays(1);
        LocalDate stepDownEnd = r.plusDays(stepDown, 90, 270);
        episode.cinPlans.add(new CinPlan(stepDown, stepDownEnd));
        end = stepDownEnd;
      }
      end = r.plusDays(end, 0, 14);
      episode.closureReason = "RC7";
    } else {
      LocalDate planStart = r.plusDays(authorised, 0, 10);
      LocalDate planEnd = r.plusDays(planStart, 60, 360);
      if (r.chance(0.8)) {
        episode.cinPlans.add(new CinPlan(planStart, planEnd));
      }
      end = r.plusDays(planEnd, 0, 14);
      episode.closureReason = "RC7";
    }
    if (end == null || end.isAfter(adulthood)) {
      end = adulthood;
      if (episode.closureReason == null || episode.closureReason.equals("RC7")) {
        episode.closureReason = r.chance(0.3) ? "RC6" : "RC7";
      }
    }
    episode.closure = end;
    LocalDate closure = end;
    episode.cinPlans.replaceAll(
        cinPlan ->
            cinPlan.end().isAfter(closure) ? new CinPlan(cinPlan.start(), closure) : cinPlan);
    episode.cinPlans.removeIf(cinPlan -> cinPlan.start().isAfter(closure));
    return episode;
  }

  private static int conferenceWorkingDays(Sampling r) {
    // DfE C4: quartiles of working days from s47 start to ICPC were 13, 14 and 15 in 2013-2025;
    // about 10% took 0-10 days and 10-12% more than 20.
    int band = r.pick(new double[] {10, 75, 6, 9});
    return switch (band) {
      case 0 -> r.between(3, 10);
      case 1 -> r.pick(new double[] {0, 1, 2, 3, 4}) + 11;
      case 2 -> r.between(16, 20);
      default -> r.between(21, 45);
    };
  }

  private List<String> factors(boolean inNeed, Sampling r) {
    if (!inNeed && r.chance(0.35)) {
      return List.of("21");
    }
    List<String> chosen = new ArrayList<>();
    int count = 1 + r.pick(new double[] {45, 30, 15, 10});
    for (int i = 0; i < count; i++) {
      String factor = r.pick(FACTORS, FACTOR_WEIGHTS);
      if (!chosen.contains(factor)) {
        chosen.add(factor);
      }
    }
    return chosen;
  }

  private ProtectionPlan protectionPlan(ChildHistory child, LocalDate start, Sampling r) {
    // DfE D7 2020: CP plans ending by length: 18.7% up to 3 months, 11.4% 3-6 months, 42.3%
    // 6-12 months, 24.0% 1-2 years, 3.6% 2 years or more.
    int band = r.pick(new double[] {18.7, 11.4, 42.3, 24.0, 3.6});
    int days =
        switch (band) {
          case 0 -> r.between(14, 91);
          case 1 -> r.between(92, 182);
          case 2 -> r.between(183, 364);
          case 3 -> r.between(365, 729);
          default -> r.between(730, 1100);
        };
    LocalDate end = start.plusDays(days);
    String initial = r.pick(CATEGORIES, CATEGORY_WEIGHTS);
    String latest = r.chance(0.85) ? initial : r.pick(CATEGORIES, CATEGORY_WEIGHTS);
    List<LocalDate> reviews = new ArrayList<>();
    for (LocalDate review = r.plusDays(start.plusMonths(3), -10, 0);
        !review.isAfter(end);
        review = r.plusDays(review.plusMonths(6), -10, 0)) {
      reviews.add(review);
    }
    return new ProtectionPlan(start, end, initial, latest, child.plansSoFar(), reviews);
  }

  private static ProtectionPlan endPlan(ProtectionPlan plan, LocalDate end) {
    List<LocalDate> reviews =
        plan.reviews().stream().filter(review -> !review.isAfter(end)).toList();
    return new ProtectionPlan(
        plan.start(),
        end,
        plan.initialCategory(),
        plan.latestCategory(),
        plan.previousPlans(),
        reviews);
  }

  private static String closureReasonAfterCare(CarePeriod period) {
    return switch (period.exitReason()) {
      case "E11", "E12" -> "RC1";
      case "E2" -> "RC2";
      case "E41" -> "RC3";
      case "E45", "E46", "E47", "E48" -> "RC4";
      case "E3" -> "RC5";
      case "E7" -> "RC6";
      default -> "RC7";
    };
  }

  private record Exit(int days, String reason) {}

  private Exit exitFor(ChildHistory child, LocalDate start, boolean asylumSeeker, Sampling r) {
    int age = Period.between(child.birthDate, start).getYears();
    int untilAdult = (int) (child.eighteenthBirthday().toEpochDay() - start.toEpochDay());
    if (start.isBefore(windowStart)) {
      // children found in care at a point in time are mostly the long stays
      Exit usual = exitFor(child, windowStart, asylumSeeker, r);
      int sinceStart = (int) (windowStart.toEpochDay() - start.toEpochDay());
      if (r.chance(0.55)) {
        return new Exit(untilAdult, r.pick(new String[] {"E17", "E5", "E6"}));
      }
      return new Exit(
          Math.min(untilAdult, sinceStart + 1 + (int) r.exponential(3 * 365)), usual.reason());
    }
    if (asylumSeeker) {
      return new Exit(
          untilAdult,
          r.pick(new String[] {"E5", "E6", "E17", "E8"}, new double[] {50, 15, 20, 15}));
    }
    double[] weights; // home, adoption, SGO, CAO, until adult, other
    if (age < 1) {
      weights = new double[] {24, 38, 22, 3, 8, 3};
    } else if (age < 5) {
      weights = new double[] {36, 18, 24, 5, 12, 4};
    } else if (age < 10) {
      weights = new double[] {46, 3, 22, 6, 18, 4};
    } else if (age < 16) {
      weights = new double[] {54, 0, 7, 3, 28, 6};
    } else {
      weights = new double[] {30, 0, 0, 0, 65, 5};
    }
    int route = r.pick(weights);
    int days;
    String reason;
    switch (route) {
      case 0 -> {
        days = r.chance(0.45) ? r.between(3, 120) : r.between(121, 900);
        reason = r.chance(0.85) ? "E4A" : (r.chance(0.6) ? "E4B" : "E13");
      }
      case 1 -> {
        days = r.between(400, 1000);
        reason = r.chance(0.8) ? "E12" : "E11";
      }
      case 2 -> {
        days = r.between(250, 1100);
        reason = r.pick(new String[] {"E45", "E46", "E47", "E48"}, new double[] {35, 15, 40, 10});
      }
      case 3 -> {
        days = r.between(200, 900);
        reason = "E41";
      }
      case 4 -> {
        days = untilAdult;
        reason = r.pick(new String[] {"E17", "E5", "E6", "E8"}, new double[] {30, 40, 15, 15});
      }
      default -> {
        days = r.between(30, 700);
        reason =
            r.pick(new String[] {"E3", "E8", "E9", "E16", "E2"}, new double[] {35, 40, 15, 8, 2});
      }
    }
    if (days >= untilAdult) {
      return new Exit(untilAdult, r.pick(new String[] {"E17", "E5", "E6"}));
    }
    return new Exit(Math.max(1, days), reason);
  }

  /**
   * A period of care from {@code start}: legal status and placement changes chained by X1, an
   * E-code at the end (null end while the child is still looked after after the window).
   */
  private CarePeriod simulateCare(
      ChildHistory child, LocalDate start, boolean asylumSeeker, Sampling r) {
    Exit exit = exitFor(child, start, asylumSeeker, r);
    LocalDate end = start.plusDays(exit.days());
    int age = Period.between(child.birthDate, start).getYears();
    CarePeriod period = new CarePeriod();
    String legal =
        asylumSeeker
            ? "V2"
            : r.pick(
                new String[] {"V2", "C1", "L1", "L2", "C2", "J1"},
                new double[] {45, 30, 5, 5, 12, age >= 12 ? 3 : 0});
    String need =
        asylumSeeker
            ? "N8"
            : r.pick(
                new String[] {"N1", "N2", "N3", "N4", "N5", "N8"},
                new double[] {64, 3, 3, 8, 15, 7});
    String placement = placement(age, legal, r);
    LocalDate episodeStart = start;
    String reasonNew = "S";
    boolean adoption = exit.reason().equals("E11") || exit.reason().equals("E12");
    LocalDate adoptionPlacement = adoption ? end.minusDays(r.between(90, 240)) : null;
    while (true) {
      LocalDate change;
      String nextLegal = legal;
      String nextPlacement = placement;
      String nextReason;
      if (legal.equals("L1") || legal.equals("L2")) {
        change = r.plusDays(episodeStart, 1, 10);
        nextLegal = "C1";
        nextReason = "L";
      } else if (legal.equals("C1") && r.chance(0.7)) {
        change = r.plusDays(episodeStart, 60, 270);
        nextLegal = "C2";
        nextReason = "L";
      } else {
        change = episodeStart.plusDays(Math.max(14, Math.round(r.exponential(420))));
        nextPlacement = placement(Period.between(child.birthDate, change).getYears(), legal, r);
        nextReason = nextPlacement.equals(placement) ? "T" : "P";
      }
      if (adoptionPlacement != null
          && !adoptionPlacement.isBefore(episodeStart.plusDays(1))
          && !change.isBefore(adoptionPlacement)) {
        change = adoptionPlacement;
        nextLegal = "E1";
        nextPlacement = r.chance(0.5) ? "A5" : "A6";
        nextReason = "B";
        adoptionPlacement = null;
      }
      boolean last = !change.isBefore(end);
      LocalDate episodeEnd = last ? end : change;
      String placeChange = last || nextReason.equals("L") ? null : r.pick(PLACE_CHANGE_REASONS);
      period.episodes.add(
          new CareEpisode(
              episodeStart,
              reasonNew,
              legal,
              need,
              placement,
              provider(placement, r),
              episodeEnd,
              last ? exit.reason() : "X1",
              placeChange,
              placement.equals("P1") ? child.homePostcode : postcode(r),
              urn(placement, r)));
      if (last || episodeEnd.isAfter(windowEnd)) {
        break;
      }
      episodeStart = episodeEnd;
      legal = nextLegal;
      placement = nextPlacement;
      reasonNew = nextReason;
    }
    LocalDate reviewsUntil = end.isAfter(windowEnd) ? windowEnd : end;
    LocalDate review = start.plusDays(r.between(14, 28));
    for (int i = 0; !review.isAfter(reviewsUntil); i++) {
      period.reviews.add(review);
      review = review.plusMonths(i == 0 ? 3 : 6).plusDays(r.between(-7, 0));
    }
    if (age >= 11) {
      for (LocalDate year = start; year.isBefore(reviewsUntil); year = year.plusYears(1)) {
        for (int i = r.poisson(0.5); i > 0; i--) {
          LocalDate missingStart = r.plusDays(year, 0, 364);
          if (missingStart.isBefore(reviewsUntil)) {
            period.missing.add(
                new Missing(
                    r.chance(0.7) ? "M" : "A", missingStart, r.plusDays(missingStart, 0, 6)));
          }
        }
      }
    }
    double prior = r.uniform();
    period.previousPermanence =
        prior < 0.03 ? "P1" : prior < 0.06 ? "P2" : prior < 0.08 ? "P3" : prior < 0.1 ? "P4" : "Z1";
    return period;
  }

  private static String placement(int age, String legal, Sampling r) {
    if (legal.equals("J1")) {
      return r.chance(0.5) ? "K1" : "R5";
    }
    if (age < 10) {
      return r.pick(
          new String[] {"U4", "U6", "U1", "U3", "U5", "P1", "R3", "K2"},
          new double[] {30, 28, 10, 14, 3, 6, 3, 2});
    }
    if (age < 16) {
      return r.pick(
          new String[] {"U4", "U6", "U1", "U3", "K2", "P1", "S1", "Z1"},
          new double[] {28, 22, 6, 8, 22, 7, 4, 3});
    }
    return r.pick(
        new String[] {"U4", "U6", "U3", "K2", "K3", "P1"}, new double[] {20, 12, 5, 18, 38, 7});
  }

  private static String provider(String placement, Sampling r) {
    return switch (placement) {
      case "P1" -> "PR0";
      case "K1", "K2", "K3", "S1", "R5" -> r.chance(0.75) ? "PR4" : "PR1";
      default -> r.pick(new String[] {"PR1", "PR2", "PR4", "PR5"}, new double[] {58, 3, 33, 6});
    };
  }

  private static String urn(String placement, Sampling r) {
    return switch (placement) {
      case "K1", "K2", "S1" -> String.format(Locale.ROOT, "SC%06d", r.between(0, 999_999));
      default -> "";
    };
  }

  private void simulateAsylumSeeker(LocalDate arrival, Sampling r) {
    ChildHistory child = newChild(arrival, r.between(14, 17), false, true, r);
    CinEpisode episode = new CinEpisode(arrival, "8", false);
    episode.primaryNeed = "N8";
    LocalDate authorised = CALENDAR.plus(arrival, r.between(2, 30));
    episode.assessments.add(new Assessment(arrival, authorised, List.of("9A")));
    CarePeriod period = simulateCare(child, r.plusDays(arrival, 0, 3), true, r);
    child.carePeriods.add(period);
    episode.closure = period.end() == null ? null : period.end();
    episode.closureReason = episode.closure == null ? null : "RC7";
    child.episodes.add(episode);
  }

  /** A disabled child receiving a series of short breaks (LS V3), each its own period of care. */
  private void simulateShortBreaks(LocalDate referral, Sampling r) {
    ChildHistory child = newChild(referral, r.between(4, 14), false, false, r);
    CinEpisode episode = new CinEpisode(referral, "3F", false);
    episode.primaryNeed = "N2";
    LocalDate authorised = CALENDAR.plus(referral, r.between(10, 40));
    episode.assessments.add(new Assessment(referral, authorised, List.of("6A")));
    LocalDate serviceEnd = r.plusDays(authorised, 365, 365 * 5);
    if (serviceEnd.isAfter(child.eighteenthBirthday())) {
      serviceEnd = child.eighteenthBirthday();
    }
    LocalDate setting = authorised.plusDays(r.between(14, 60));
    String place = r.chance(0.6) ? "R1" : "U6";
    String placePostcode = postcode(r);
    for (LocalDate breakStart = setting;
        breakStart.isBefore(serviceEnd) && !breakStart.isAfter(windowEnd);
        breakStart = breakStart.plusDays(r.between(21, 60))) {
      CarePeriod period = new CarePeriod();
      LocalDate breakEnd = breakStart.plusDays(r.between(1, 4));
      period.episodes.add(
          new CareEpisode(
              breakStart, "S", "V3", "N2", place, "PR1", breakEnd, "E4A", null, placePostcode, ""));
      child.carePeriods.add(period);
    }
    episode.cinPlans.add(new CinPlan(authorised.plusDays(1), serviceEnd));
    episode.closure = serviceEnd.plusDays(r.between(0, 14));
    episode.closureReason = "RC7";
    child.episodes.add(episode);
  }

  /**
   * Children already in care when the simulation starts: their referrals and early placements
   * precede the data, but their current episodes run into the collection years.
   */
  private void seedChildrenAlreadyInCare() {
    int firstYear = reportingYear(firstCensusStart);
    double stock =
        1.0
            * NationalRates.forYear(firstYear).claAt31()
            * profile.care()
            * children.applyAsDouble(reportingYear(windowStart))
            / 10_000;
    int count = random.poisson(stock);
    for (int i = 0; i < count; i++) {
      Sampling r = random.split();
      int ageAtStart = r.between(1, 17);
      LocalDate careStart = windowStart.minusDays(r.between(30, 365 * Math.min(ageAtStart, 8)));
      ChildHistory child =
          newChild(
              careStart,
              Math.max(
                  0,
                  ageAtStart - (int) ((windowStart.toEpochDay() - careStart.toEpochDay()) / 365)),
              false,
              false,
              r);
      CinEpisode episode = new CinEpisode(r.plusDays(careStart, -60, -7), "5A", false);
      episode.primaryNeed = "N1";
      CarePeriod period = simulateCare(child, careStart, false, r);
      child.carePeriods.add(period);
      episode.closure = period.end() == null ? null : r.plusDays(period.end(), 0, 30);
      if (episode.closure != null && episode.closure.isAfter(child.eighteenthBirthday())) {
        episode.closure = child.eighteenthBirthday();
      }
      episode.closureReason = episode.closure == null ? null : closureReasonAfterCare(period);
      child.episodes.add(episode);
    }
  }
}
