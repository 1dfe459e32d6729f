package org.soseval.pipeline.generate;

/**
 * How one LA differs from England: multipliers on the national rates (log-normal, median 1) and a
 * yearly drift in its referral rate. Drawn once per LA from its own random stream, so an LA's
 * deposits do not depend on which other LAs are generated.
 */
record AuthorityProfile(
    double referrals,
    double referralTrendPerYear,
    double noFurtherAction,
    double section47,
    double icpc,
    double cpPlan,
    double care,
    double rereferral,
    double assessmentDuration,
    boolean numericChildIds) {

  static AuthorityProfile draw(Sampling random) {
    return new AuthorityProfile(
        random.multiplier(0.25),
        0.02 * random.normal(),
        random.multiplier(0.3),
        random.multiplier(0.25),
        random.multiplier(0.15),
        random.multiplier(0.04),
        random.multiplier(0.25),
        random.multiplier(0.15),
        random.multiplier(0.3),
        random.chance(0.5));
  }
}
