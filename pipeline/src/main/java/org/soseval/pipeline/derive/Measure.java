package org.soseval.pipeline.derive;

/**
 * What one derived fact records. Each fact is one counted thing (a referral, an assessment, a child
 * looked after at 31 March, ...) in one reporting year, with one integer value whose meaning the
 * measure gives; the indicators are counts, medians and threshold counts over these values.
 */
public enum Measure {
  /**
   * A referral (an episode counted once) in the year; value 1 if a re-referral within 12 months.
   */
  REFERRAL,
  /** An assessment authorised in the year; value = working days from start to authorisation. */
  ASSESSMENT,
  /**
   * An assessment authorised in the year whose duration cannot be measured (authorised before it
   * started, or a date outside the working-day calendar); value 0. Counted, not timed.
   */
  ASSESSMENT_UNTIMED,
  /** A Section 47 enquiry started in the year; value 0. */
  S47,
  /** An initial child protection conference (child, date) in the year; value 0. */
  ICPC,
  /**
   * An initial conference in the year paired with the Section 47 record it is dated on; value =
   * working days from the enquiry's start to the conference.
   */
  ICPC_S47_DAYS,
  /** A CP plan started in the year; value 1 if {@code NumberOfPreviousCPP} > 0. */
  CPP_START,
  /** A CP plan open at 31 March of the year; value 0. */
  CPP_AT31,
  /** A CIN episode open at 31 March of the year; value 0. */
  CIN_AT31,
  /**
   * A child's first start of a period of care in the year; value 1 if the child's previous period
   * ended within the 12 months before.
   */
  CLA_START,
  /** A child looked after at 31 March of the year; value 0. */
  CLA_AT31,
  /**
   * A child whose period of care ended in the year (the last ending); value 1 if it ended with
   * {@code REC} E4A or E4B.
   */
  CLA_CEASED
}
