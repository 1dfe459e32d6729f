package org.soseval.pipeline.instruments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RowProblemTest {
  @Test
  void aDepositInAnLasInstrumentsFolderIsNamedWithItsLaSoSameNamedFilesAreTold() {
    RowProblem problem =
        new RowProblem(
            Path.of("/data/deposits/330/instruments/costs.csv"),
            8,
            "amount_gbp",
            "range",
            "-5",
            "is negative");
    assertThat(problem.toString())
        .isEqualTo("330/instruments/costs.csv line 8, amount_gbp: is negative [range]");
  }

  @Test
  void aFileElsewhereIsNamedByItsFileName() {
    RowProblem problem =
        new RowProblem(Path.of("/tmp/x/audit.csv"), 5, "rating", "code", "excellent", "bad");
    assertThat(problem.toString()).isEqualTo("audit.csv line 5, rating: bad [code]");
  }
}
