package org.soseval.pipeline.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.soseval.pipeline.generate.ChildHistory.CareEpisode;
import org.soseval.pipeline.generate.ChildHistory.CarePeriod;
import org.soseval.pipeline.generate.ChildHistory.CinEpisode;
import org.soseval.pipeline.generate.ChildHistory.ProtectionPlan;
import org.soseval.pipeline.generate.ChildHistory.Section47;

/** Counts the headline indicators of one LA-year straight from simulated histories (test aid). */
record SimulatedRates(
    int year,
    double population,
    long referrals,
    long rereferrals,
    long section47s,
    long conferences,
    long planStarts,
    long subsequentPlans,
    long plansAt31,
    long cinAt31,
    long careStarts,
    long inCareAt31) {

  static SimulatedRates count(List<ChildHistory> children, int year, double population) {
    CensusYear census = CensusYear.of(year);
    long referrals = 0;
    long rereferrals = 0;
    long section47s = 0;
    long conferences = 0;
    long planStarts = 0;
    long subsequent = 0;
    long plansAt31 = 0;
    long cinAt31 = 0;
    long careStarts = 0;
    long inCare = 0;
    LocalDate march31 = census.end();
    for (ChildHistory child : children) {
      List<LocalDate> referralDates = new ArrayList<>();
      child.episodes.forEach(episode -> referralDates.add(episode.referral));
      for (CinEpisode episode : child.episodes) {
        if (census.contains(episode.referral)) {
          referrals++;
          boolean earlier =
              referralDates.stream()
                  .anyMatch(
                      other ->
                          other.isBefore(episode.referral)
                              && !other.plusMonths(12).isBefore(episode.referral));
          if (earlier) {
            rereferrals++;
          }
        }
        if (!episode.referral.isAfter(march31)
            && (episode.closure == null || episode.closure.isAfter(march31))) {
          cinAt31++;
        }
        if (census.contains(episode.episodeLevelIcpc)) {
          conferences++;
        }
        for (Section47 enquiry : episode.section47s) {
          if (census.contains(enquiry.start())) {
            section47s++;
          }
          if (census.contains(enquiry.conference())) {
            conferences++;
          }
        }
        for (ProtectionPlan plan : episode.plans) {
          if (census.contains(plan.start())) {
            planStarts++;
            if (plan.previousPlans() > 0) {
              subsequent++;
            }
          }
          if (!plan.start().isAfter(march31) && plan.end().isAfter(march31)) {
            plansAt31++;
          }
        }
      }
      boolean started = false;
      boolean atEnd = false;
      for (CarePeriod period : child.carePeriods) {
        if (period.shortBreak()) {
          continue;
        }
        started |= census.contains(period.start());
        for (CareEpisode episode : period.episodes) {
          if (!episode.start().isAfter(march31)
              && (episode.end() == null || episode.end().isAfter(march31))) {
            atEnd = true;
          }
        }
      }
      careStarts += started ? 1 : 0;
      inCare += atEnd ? 1 : 0;
    }
    return new SimulatedRates(
        year,
        population,
        referrals,
        rereferrals,
        section47s,
        conferences,
        planStarts,
        subsequent,
        plansAt31,
        cinAt31,
        careStarts,
        inCare);
  }

  double per10k(long count) {
    return count * 10_000.0 / population;
  }
}
