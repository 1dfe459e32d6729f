package org.soseval.pipeline.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the evaluation's instruments say beyond the outcome data: the seam where implementation and
 * fidelity measures (self-profiling, case audits, surveys), costs and the EMMIE summary enter the
 * report. A section that is empty is reported as "No evidence supplied", never left out.
 *
 * @param implementation implementation and fidelity
 * @param costs set-up and ongoing costs, unit costs
 * @param emmie the EMMIE summary (Effect, Mechanisms, Moderators, Implementation, Economics), with
 *     ratings of the strength of evidence
 */
public record ReportEvidence(
    Optional<EvidenceSection> implementation,
    Optional<EvidenceSection> costs,
    Optional<EvidenceSection> emmie) {
  public ReportEvidence {
    Objects.requireNonNull(implementation, "implementation is null");
    Objects.requireNonNull(costs, "costs is null");
    Objects.requireNonNull(emmie, "emmie is null");
  }

  /** Every figure of the three sections, in page order. */
  public List<EvidenceFigure> figures() {
    List<EvidenceFigure> figures = new ArrayList<>();
    for (Optional<EvidenceSection> section : List.of(implementation, costs, emmie)) {
      section.ifPresent(s -> figures.addAll(s.figures()));
    }
    return figures;
  }

  /** An evaluation with outcome data only: no instruments, no costs, no EMMIE summary. */
  public static ReportEvidence none() {
    return new ReportEvidence(Optional.empty(), Optional.empty(), Optional.empty());
  }
}
