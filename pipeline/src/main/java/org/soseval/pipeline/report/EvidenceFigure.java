package org.soseval.pipeline.report;

import java.util.List;
import java.util.Objects;
import org.soseval.pipeline.charts.Chart;

/**
 * A chart of an evidence section with the table of its numbers, shown together: a heading, the
 * sentences about it (built from the same published values), the chart, then the table.
 *
 * @param heading the sub-heading, e.g. "Case audits"
 * @param paragraphs plain-text paragraphs before the chart
 * @param chart the chart, written into the report's {@code charts/} folder with its CSV and SVG
 * @param table the chart's numbers, shown under it
 */
public record EvidenceFigure(
    String heading, List<String> paragraphs, Chart chart, ReportTable table) {
  public EvidenceFigure {
    Objects.requireNonNull(heading, "heading is null");
    paragraphs = List.copyOf(paragraphs);
    Objects.requireNonNull(chart, "chart is null");
    Objects.requireNonNull(table, "table is null");
  }
}
