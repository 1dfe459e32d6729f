package org.soseval.pipeline.derive;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One row of a child's CIN census history, as read from one collection year's file: an episode, an
 * assessment, a Section 47 enquiry or a CP plan, reduced to the dates the indicators need.
 *
 * @param kind the table it came from
 * @param collectionYear the collection year of the file this version came from
 * @param date the record's key date: {@code CINreferralDate}, {@code AssessmentActualStartDate},
 *     {@code S47ActualStartDate} or {@code CPPstartDate}
 * @param end {@code CINclosureDate}, {@code AssessmentAuthorisationDate} or {@code CPPendDate}
 * @param conference {@code DateOfInitialCPC} (episodes and Section 47 records)
 * @param ordinal {@code episode_ordinal} for episodes (order among the child's same-day referrals)
 * @param previousPlans {@code NumberOfPreviousCPP} for CP plans
 */
public record CinRecord(
    Kind kind,
    int collectionYear,
    LocalDate date,
    Optional<LocalDate> end,
    Optional<LocalDate> conference,
    int ordinal,
    OptionalInt previousPlans)
    implements Serializable {
  /** The CIN tables the indicators read. */
  public enum Kind {
    EPISODE,
    ASSESSMENT,
    SECTION47,
    CP_PLAN
  }

  public CinRecord {
    Objects.requireNonNull(kind, "kind is null");
    Objects.requireNonNull(date, "date is null");
    Objects.requireNonNull(end, "end is null");
    Objects.requireNonNull(conference, "conference is null");
    Objects.requireNonNull(previousPlans, "previousPlans is null");
  }

  public static CinRecord episode(
      int collectionYear, LocalDate referral, LocalDate closure, LocalDate conference, int order) {
    return new CinRecord(
        Kind.EPISODE,
        collectionYear,
        referral,
        Optional.ofNullable(closure),
        Optional.ofNullable(conference),
        order,
        OptionalInt.empty());
  }

  public static CinRecord assessment(int collectionYear, LocalDate start, LocalDate authorised) {
    return new CinRecord(
        Kind.ASSESSMENT,
        collectionYear,
        start,
        Optional.ofNullable(authorised),
        Optional.empty(),
        0,
        OptionalInt.empty());
  }

  public static CinRecord section47(int collectionYear, LocalDate start, LocalDate conference) {
    return new CinRecord(
        Kind.SECTION47,
        collectionYear,
        start,
        Optional.empty(),
        Optional.ofNullable(conference),
        0,
        OptionalInt.empty());
  }

  public static CinRecord plan(
      int collectionYear, LocalDate start, LocalDate end, Integer previousPlans) {
    return new CinRecord(
        Kind.CP_PLAN,
        collectionYear,
        start,
        Optional.ofNullable(end),
        Optional.empty(),
        0,
        previousPlans == null ? OptionalInt.empty() : OptionalInt.of(previousPlans));
  }
}
