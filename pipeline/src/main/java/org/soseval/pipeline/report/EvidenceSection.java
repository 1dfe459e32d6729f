package org.soseval.pipeline.report;

import java.util.List;

/**
 * Evidence from the evaluation's instruments for one section of the report (implementation and
 * fidelity, costs, or the EMMIE summary): paragraphs of plain text, figures (a chart with its
 * table), and tables, shown in that order. Text is escaped when written; it is never read as HTML.
 *
 * @param paragraphs plain-text paragraphs, in order
 * @param figures charts with their tables, after the paragraphs
 * @param tables tables shown after the figures
 */
public record EvidenceSection(
    List<String> paragraphs, List<EvidenceFigure> figures, List<ReportTable> tables) {
  public EvidenceSection {
    paragraphs = List.copyOf(paragraphs);
    figures = List.copyOf(figures);
    tables = List.copyOf(tables);
    if (paragraphs.isEmpty() && figures.isEmpty() && tables.isEmpty()) {
      throw new IllegalArgumentException(
          "an evidence section must have a paragraph, a figure or a table; use Optional.empty()"
              + " for none");
    }
  }

  public static EvidenceSection of(List<String> paragraphs, List<ReportTable> tables) {
    return new EvidenceSection(paragraphs, List.of(), tables);
  }

  public static EvidenceSection of(
      List<String> paragraphs, List<EvidenceFigure> figures, List<ReportTable> tables) {
    return new EvidenceSection(paragraphs, figures, tables);
  }
}
