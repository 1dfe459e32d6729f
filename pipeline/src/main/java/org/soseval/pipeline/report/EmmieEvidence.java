package org.soseval.pipeline.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.soseval.pipeline.emmie.Emmie;

/**
 * Turns the EMMIE summary into the report's evidence sections: implementation and fidelity, costs
 * (both from the overall entry's dimensions), and the EMMIE table (every outcome × dimension with
 * its quality level and narrative). A dimension without evidence says so in its own words.
 */
public final class EmmieEvidence {
  private static final List<String> DIMENSIONS =
      List.of("effect", "mechanisms", "moderators", "implementation", "economics");

  private EmmieEvidence() {}

  public static ReportEvidence of(List<Emmie.Entry> entries) {
    Optional<Emmie.Entry> overall =
        entries.stream().filter(entry -> entry.outcome().equals(Emmie.OVERALL)).findFirst();
    return new ReportEvidence(
        overall.map(entry -> section(entry.dimension("implementation"))),
        overall.map(entry -> section(entry.dimension("economics"))),
        entries.isEmpty() ? Optional.empty() : Optional.of(summary(entries)));
  }

  private static EvidenceSection section(Emmie.Dimension dimension) {
    List<List<String>> rows = new ArrayList<>();
    for (Emmie.Measure measure : dimension.measures()) {
      rows.add(
          List.of(
              measure.name(),
              number(measure.estimate()),
              Double.isNaN(measure.lower())
                  ? ""
                  : number(measure.lower()) + " to " + number(measure.upper()),
              Integer.toString(measure.nUnits())));
    }
    List<ReportTable> tables =
        rows.isEmpty()
            ? List.of()
            : List.of(
                ReportTable.of(
                    "Measures behind the " + dimension.dimension() + " rating",
                    List.of("Measure", "Estimate", "95% interval", "LAs"),
                    rows));
    return EvidenceSection.of(
        List.of(
            dimension.narrative(),
            "Quality of the evidence: level "
                + dimension.qualityLevel()
                + " of 4 ("
                + dimension.qualityLabel()
                + "). Rule: "
                + dimension.rule()
                + "."),
        tables);
  }

  private static EvidenceSection summary(List<Emmie.Entry> entries) {
    List<List<String>> rows = new ArrayList<>();
    for (Emmie.Entry entry : entries) {
      for (String name : DIMENSIONS) {
        Emmie.Dimension dimension = entry.dimension(name);
        rows.add(
            List.of(
                entry.outcome(),
                name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1),
                dimension.qualityLevel() + " (" + dimension.qualityLabel() + ")",
                dimension.narrative()));
      }
    }
    return EvidenceSection.of(
        List.of(
            "The EMMIE summary rates each dimension's evidence from 0 (none) to 4; the wording of"
                + " the levels is data (data-schemas/emmie/quality_levels.yaml)."),
        List.of(
            ReportTable.of(
                "EMMIE summary by outcome",
                List.of("Outcome", "Dimension", "Evidence quality", "Summary"),
                rows)));
  }

  private static String number(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2f", value) : "";
  }
}
