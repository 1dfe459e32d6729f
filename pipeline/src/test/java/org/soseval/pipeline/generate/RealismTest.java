package org.soseval.pipeline.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.soseval.pipeline.calendar.WorkingDays;
import org.soseval.pipeline.generate.ChildHistory.Section47;
import org.soseval.pipeline.geography.LocalAuthorities;
import org.soseval.pipeline.geography.LocalAuthority;

/**
 * The simulated volumes, pooled over 20 LAs, against England's published figures for the same
 * years. The figures below are from DfE's national rows, rates recomputed per 10,000 children aged
 * 0-17 with the ONS mid-year estimate of the previous year (shared/data/public/dfe:
 * c1_children_in_need_referrals_and_rereferrals, c4_children_in_need_section_47s_and_icpcs,
 * d3_cpps_subsequent_plan, d5_cpps_at31march_by_duration, b1_children_in_need, the CLA
 * number-and-rate files and ons_mid-year_population_estimates).
 */
class RealismTest {
  private static final int FIRST = 2014;
  private static final int LAST = 2019;
  // England, reporting years 2014-2019 (DfE C1: referral_count; ONS mid-year 0-17)
  private static final double[] REFERRALS = {573.3, 551.0, 536.0, 553.6, 559.6, 553.7};
  // DfE C1 rereferral_percent (within 12 months)
  private static final double[] REREFERRAL_PERCENT = {23.5, 24.2, 22.5, 21.9, 21.9, 22.6};
  // DfE C4 Section47 and ICPC per 10,000
  private static final double[] SECTION47 = {124.4, 139.1, 148.8, 159.1, 169.1, 171.1};
  private static final double[] ICPC = {56.8, 61.9, 63.0, 65.9, 67.8, 65.9};
  // DfE D3 CPP_start per 10,000 and CPP_subsequent_percent
  private static final double[] PLAN_STARTS = {52.1, 53.9, 54.6, 56.9, 58.7, 56.7};
  private static final double[] SUBSEQUENT_PERCENT = {15.8, 16.6, 17.9, 18.7, 20.2, 20.8};
  // DfE D5 CPP_At31 and B1 At31_episodes per 10,000
  private static final double[] PLANS_AT_31 = {42.1, 43.1, 43.4, 43.8, 45.9, 44.5};
  private static final double[] CIN_AT_31 = {344.7, 338.2, 339.8, 333.3, 345.4, 339.8};
  // DfE CLA: starting to be looked after about 27 per 10,000 and looked after at 31 March 60-66
  // per 10,000 in 2014-2019 (2019: 31,780 starts, 78,140 at 31 March; 11,755,593 children).
  private static final double[] CARE_STARTS = {27, 27, 28, 28, 27, 27};
  private static final double[] IN_CARE_AT_31 = {60, 60, 60, 62, 64, 66};

  private static final List<List<SimulatedRates>> BY_LA = new ArrayList<>();
  private static final List<ChildHistory> ALL_CHILDREN = new ArrayList<>();

  @BeforeAll
  static void simulateTwentyAuthorities() {
    Design design =
        Designs.random(FIRST, LAST, 11, 1.0, 20, 0, LocalDate.of(2016, 10, 1), List.of());
    for (String code : design.authorities()) {
      LocalAuthority la = LocalAuthorities.byCode(code).orElseThrow();
      Sampling random = new Sampling(new SplittableRandom(Long.parseLong(code)));
      AuthorityProfile profile = AuthorityProfile.draw(random.split());
      List<ChildHistory> children =
          new CaseSimulator(la, profile, design, year -> la.children2013(), random.split()).run();
      List<SimulatedRates> rates = new ArrayList<>();
      for (int year = FIRST; year <= LAST; year++) {
        rates.add(SimulatedRates.count(children, year, la.children2013()));
      }
      BY_LA.add(rates);
      ALL_CHILDREN.addAll(children);
    }
  }

  private static SimulatedRates pooled(int yearIndex) {
    long[] sums = new long[10];
    double population = 0;
    for (List<SimulatedRates> la : BY_LA) {
      SimulatedRates r = la.get(yearIndex);
      population += r.population();
      long[] values = {
        r.referrals(), r.rereferrals(), r.section47s(), r.conferences(), r.planStarts(),
        r.subsequentPlans(), r.plansAt31(), r.cinAt31(), r.careStarts(), r.inCareAt31()
      };
      for (int i = 0; i < sums.length; i++) {
        sums[i] += values[i];
      }
    }
    return new SimulatedRates(
        FIRST + yearIndex,
        population,
        sums[0],
        sums[1],
        sums[2],
        sums[3],
        sums[4],
        sums[5],
        sums[6],
        sums[7],
        sums[8],
        sums[9]);
  }

  @Test
  void pooledRatesAreWithinAQuarterOfEnglandEachYear() {
    for (int i = 0; i <= LAST - FIRST; i++) {
      SimulatedRates r = pooled(i);
      String year = "reporting year " + (FIRST + i);
      assertThat(r.per10k(r.referrals()))
          .as("referrals, " + year)
          .isCloseTo(REFERRALS[i], within(REFERRALS[i] * 0.25));
      assertThat(r.per10k(r.section47s()))
          .as("s47, " + year)
          .isCloseTo(SECTION47[i], within(SECTION47[i] * 0.25));
      assertThat(r.per10k(r.conferences()))
          .as("ICPC, " + year)
          .isCloseTo(ICPC[i], within(ICPC[i] * 0.25));
      assertThat(r.per10k(r.planStarts()))
          .as("CP plan starts, " + year)
          .isCloseTo(PLAN_STARTS[i], within(PLAN_STARTS[i] * 0.25));
      assertThat(r.per10k(r.plansAt31()))
          .as("CP plans at 31 March, " + year)
          .isCloseTo(PLANS_AT_31[i], within(PLANS_AT_31[i] * 0.25));
      assertThat(r.per10k(r.cinAt31()))
          .as("CIN at 31 March, " + year)
          .isCloseTo(CIN_AT_31[i], within(CIN_AT_31[i] * 0.25));
      assertThat(r.per10k(r.careStarts()))
          .as("care starts, " + year)
          .isCloseTo(CARE_STARTS[i], within(CARE_STARTS[i] * 0.25));
      assertThat(r.per10k(r.inCareAt31()))
          .as("looked after at 31 March, " + year)
          .isCloseTo(IN_CARE_AT_31[i], within(IN_CARE_AT_31[i] * 0.25));
    }
  }

  @Test
  void rereferralAndSubsequentPlanSharesAreNearEngland() {
    for (int i = 0; i <= LAST - FIRST; i++) {
      SimulatedRates r = pooled(i);
      String year = "reporting year " + (FIRST + i);
      assertThat(100.0 * r.rereferrals() / r.referrals())
          .as("re-referral %, " + year)
          .isCloseTo(REREFERRAL_PERCENT[i], within(5.0));
      assertThat(100.0 * r.subsequentPlans() / r.planStarts())
          .as("subsequent plan %, " + year)
          .isCloseTo(SUBSEQUENT_PERCENT[i], within(7.0));
    }
  }

  @Test
  void authoritiesDifferAsRealOnesDo() {
    // Published LA referral rates vary about 2.5-fold (C1 2019: most LAs 300-900 per 10,000).
    int last = LAST - FIRST;
    double[] rates =
        BY_LA.stream().mapToDouble(la -> la.get(last).per10k(la.get(last).referrals())).toArray();
    double mean = java.util.Arrays.stream(rates).average().orElseThrow();
    double sd =
        Math.sqrt(
            java.util.Arrays.stream(rates).map(x -> (x - mean) * (x - mean)).sum()
                / (rates.length - 1));
    assertThat(sd / mean).as("coefficient of variation of LA referral rates").isBetween(0.12, 0.6);
  }

  @Test
  void conferenceTimelinessMatchesPublishedQuartiles() {
    // DfE C4 2014-2019: working days from s47 start to ICPC had quartiles 13, 14 and 15.
    WorkingDays calendar = WorkingDays.englandAndWales();
    List<Integer> days = new ArrayList<>();
    for (ChildHistory child : ALL_CHILDREN) {
      for (ChildHistory.CinEpisode episode : child.episodes) {
        for (Section47 enquiry : episode.section47s) {
          if (enquiry.conference() != null && enquiry.start().getYear() >= FIRST) {
            days.add(calendar.between(enquiry.start(), enquiry.conference()));
          }
        }
      }
    }
    days.sort(null);
    assertThat(days).hasSizeGreaterThan(1000);
    assertThat(days.get(days.size() / 2)).isEqualTo(14);
    assertThat(days.get(days.size() / 4)).isBetween(12, 13);
    assertThat(days.get(3 * days.size() / 4)).isBetween(15, 16);
  }
}
