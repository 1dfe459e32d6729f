package org.soseval.pipeline.report;

import java.util.List;

/**
 * Evidence from the evaluation's instruments for one section of the report (implementation and
 * fidelity, costs, or the EMMIE summary): paragraphs of plain text and tables. Text is escaped when
 * written; it is never read as HTML.
 *
 * @param paragraphs plain-text paragraphs, in order
 * @param tables tables shown after the paragraphs
 */
public record EvidenceSection(List<String> paragraphs, List<ReportTable> tables) {
  public EvidenceSection {
    paragraphs = List.copyOf(paragraphs);
    tables = List.copyOf(tables);
    if (paragraphs.isEmpty() && tables.isEmpty()) {
      throw new IllegalArgumentException(
          "an evidence section must have a paragraph or a table; use Optional.empty() for none");
    }
  }

  public static EvidenceSection of(List<String> paragraphs, List<ReportTable> tables) {
    return new EvidenceSection(paragraphs, tables);
  }
}
