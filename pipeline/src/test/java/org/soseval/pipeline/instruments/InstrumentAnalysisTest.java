package org.soseval.pipeline.instruments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soseval.pipeline.generate.Design;
import org.soseval.pipeline.generate.InstrumentDeposits;
import org.soseval.pipeline.generate.Pilot;
import org.soseval.pipeline.privacy.PseudonymKey;
import org.soseval.pipeline.privacy.Pseudonymiser;
import org.soseval.pipeline.publish.EesChecker;
import org.soseval.pipeline.stats.disclosure.DisclosureProfile;

class InstrumentAnalysisTest {
  @TempDir Path temp;

  static Design design() {
    return new Design(
        2013,
        2018,
        11,
        0.1,
        List.of(
            new Pilot("855", LocalDate.of(2014, 10, 1), "2+ years"),
            new Pilot("925", LocalDate.of(2014, 10, 1), "new"),
            new Pilot("938", LocalDate.of(2014, 11, 1), "2 years")),
        List.of("304", "801"),
        List.of());
  }

  @Test
  void generatedInstrumentsPublishTablesThatPassTheEesChecks() {
    Path deposits = temp.resolve("deposits");
    InstrumentDeposits.writeAll(design(), deposits);
    InstrumentSet set =
        InstrumentSet.read(List.of(deposits), Pseudonymiser.create(PseudonymKey.random()));
    assertThat(set.rejectedFiles()).isEmpty();
    assertThat(set.problems()).isEmpty();
    Path publish = temp.resolve("publish");
    InstrumentAnalysis.run(
        set,
        LaGroups.of(List.of("855", "925", "938"), List.of("304", "801")),
        DisclosureProfile.dfe(),
        CostAnalysis.priceIndex(),
        OptionalInt.empty(),
        publish);
    EesChecker.Report report = EesChecker.checkDirectory(publish);
    assertThat(report.failures()).isEmpty();
    assertThat(report.files()).hasSize(8);
  }
}
