package org.soseval.pipeline.stats.funnel;

/**
 * One point of a funnel plot's control-limit lines.
 *
 * @param axis the x-axis value: population (proportions), observed events (ratios, rates)
 * @param lower95 lower 95% ("2σ", p = 0.025) limit
 * @param upper95 upper 95% limit
 * @param lower998 lower 99.8% ("3σ", p = 0.001) limit
 * @param upper998 upper 99.8% limit
 * @param lower95Precision the precision at which the lower 95% limit is drawn: the population for
 *     proportions (equal to {@code axis}), the expected events for ratios, the population per year
 *     for rates
 * @param upper95Precision as {@code lower95Precision}, for the upper 95% limit
 * @param lower998Precision as {@code lower95Precision}, for the lower 99.8% limit
 * @param upper998Precision as {@code lower95Precision}, for the upper 99.8% limit
 */
public record FunnelPoint(
    double axis,
    double lower95,
    double upper95,
    double lower998,
    double upper998,
    double lower95Precision,
    double upper95Precision,
    double lower998Precision,
    double upper998Precision) {}
