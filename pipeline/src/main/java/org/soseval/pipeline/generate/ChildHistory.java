package org.soseval.pipeline.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One synthetic child's whole history with the LA, built up by {@link CaseSimulator}. */
final class ChildHistory {
  enum Sex {
    MALE,
    FEMALE,
    INDETERMINATE
  }

  final String id;
  final LocalDate birthDate;

  /** The expected date of birth known when the child was first referred unborn, else null. */
  final LocalDate expectedBirthDate;

  final Sex sex;
  final String ethnicity;
  final List<String> disabilities;
  final String upn;
  final String upnUnknownReason;
  final boolean unaccompaniedAsylumSeeker;
  final String homePostcode;
  final List<CinEpisode> episodes = new ArrayList<>();
  final List<CarePeriod> carePeriods = new ArrayList<>();

  /** CP plans the child had before the simulated window (history the LA holds). */
  final int earlierPlans;

  ChildHistory(
      String id,
      LocalDate birthDate,
      LocalDate expectedBirthDate,
      Sex sex,
      String ethnicity,
      List<String> disabilities,
      String upn,
      String upnUnknownReason,
      boolean unaccompaniedAsylumSeeker,
      String homePostcode,
      int earlierPlans) {
    this.id = id;
    this.birthDate = birthDate;
    this.expectedBirthDate = expectedBirthDate;
    this.sex = sex;
    this.ethnicity = ethnicity;
    this.disabilities = List.copyOf(disabilities);
    this.upn = upn;
    this.upnUnknownReason = upnUnknownReason;
    this.unaccompaniedAsylumSeeker = unaccompaniedAsylumSeeker;
    this.homePostcode = homePostcode;
    this.earlierPlans = earlierPlans;
  }

  LocalDate eighteenthBirthday() {
    return birthDate.plusYears(18);
  }

  int plansSoFar() {
    int plans = earlierPlans;
    for (CinEpisode episode : episodes) {
      plans += episode.plans.size();
    }
    return plans;
  }

  /** The last date on which anything in the history happens (or an open record's start). */
  LocalDate lastActivity() {
    LocalDate last = LocalDate.MIN;
    for (CinEpisode episode : episodes) {
      last = max(last, episode.closure == null ? LocalDate.MAX : episode.closure);
    }
    for (CarePeriod period : carePeriods) {
      last = max(last, period.end() == null ? LocalDate.MAX : period.end());
    }
    return last;
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  /** An episode of need: referral to closure, with its assessments, enquiries and plans. */
  static final class CinEpisode {
    final LocalDate referral;
    final String source;
    final boolean noFurtherAction;
    String primaryNeed;
    LocalDate closure;
    String closureReason;
    LocalDate episodeLevelIcpc;
    final List<Assessment> assessments = new ArrayList<>();
    final List<CinPlan> cinPlans = new ArrayList<>();
    final List<Section47> section47s = new ArrayList<>();
    final List<ProtectionPlan> plans = new ArrayList<>();
    final List<PreProceedings> preProceedings = new ArrayList<>();

    CinEpisode(LocalDate referral, String source, boolean noFurtherAction) {
      this.referral = referral;
      this.source = source;
      this.noFurtherAction = noFurtherAction;
    }
  }

  record Assessment(LocalDate start, LocalDate authorised, List<String> factors) {}

  record CinPlan(LocalDate start, LocalDate end) {}

  /**
   * A Section 47 enquiry; {@code conference} is null when none was held or it is recorded on the
   * episode; {@code conferenceNotRequired} says the enquiry concluded without one.
   */
  record Section47(
      LocalDate start, LocalDate target, LocalDate conference, boolean conferenceNotRequired) {}

  record ProtectionPlan(
      LocalDate start,
      LocalDate end,
      String initialCategory,
      String latestCategory,
      int previousPlans,
      List<LocalDate> reviews) {}

  record PreProceedings(LocalDate start, LocalDate letterSent, LocalDate initialMeeting) {}

  /** A period of care: episodes chained by X1 from an RNE S start to an E-code end. */
  static final class CarePeriod {
    final List<CareEpisode> episodes = new ArrayList<>();
    final List<LocalDate> reviews = new ArrayList<>();
    final List<Missing> missing = new ArrayList<>();
    String previousPermanence = "Z1";

    LocalDate start() {
      return episodes.get(0).start();
    }

    /** The end of the period, or null while it is open. */
    LocalDate end() {
      return episodes.get(episodes.size() - 1).end();
    }

    String exitReason() {
      return episodes.get(episodes.size() - 1).reasonCeased();
    }

    boolean shortBreak() {
      String legalStatus = episodes.get(0).legalStatus();
      return legalStatus.equals("V3") || legalStatus.equals("V4");
    }
  }

  record CareEpisode(
      LocalDate start,
      String reasonNew,
      String legalStatus,
      String needCategory,
      String placement,
      String provider,
      LocalDate end,
      String reasonCeased,
      String reasonPlaceChange,
      String placementPostcode,
      String urn) {}

  record Missing(String kind, LocalDate start, LocalDate end) {}
}
