/**
 * The evaluation report (issue #9): {@link org.soseval.pipeline.report.Report#write} turns an
 * evaluation's results into one self-contained folder {@code OUT/report/} with {@code index.html},
 * its charts (PNG, SVG, CSV, alt text), the data behind it and {@code report.pdf}, and writes the
 * run manifest {@code OUT/manifest.json}. Every number in the text is generated from the same rows
 * as the tables; the same inputs give the same report. See docs/report.md.
 */
package org.soseval.pipeline.report;
