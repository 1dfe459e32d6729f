/**
 * Evaluation charts (issue #9): outcome over time, event study, forest plot, funnel plot, benchmark
 * for one LA, Likert survey items and the EMMIE summary.
 *
 * <p>Each chart is built from a small immutable input record by a {@code ...Chart.of(name, data)}
 * factory that returns a {@link org.soseval.pipeline.charts.Chart}: the JFreeChart, the table of
 * data behind it and an alt text generated from the data. {@link
 * org.soseval.pipeline.charts.ChartWriter} writes every chart the same way, as PNG, SVG, CSV and
 * alt text; the same input gives byte-identical SVG, CSV and alt text. See docs/charts.md.
 */
package org.soseval.pipeline.charts;
