package org.soseval.pipeline.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.soseval.pipeline.PipelineException;

class StatisticalNeighboursTest {
  /** DfE's published files, beside the project as ../shared (see shared/data/PROVENANCE.md). */
  static final Path PUBLIC = Path.of("../../shared/data/public").toAbsolutePath().normalize();

  @Test
  void readsBothModelsFromThePublishedFiles() {
    assertThat(PUBLIC.resolve("dfe")).as("../shared/data/public/dfe must be present").isDirectory();
    // New_Statistical_Neighbour_Groupings_April_2021.csv, row "202,Camden": SN1 213 ... SN10 302
    StatisticalNeighbours model2021 = StatisticalNeighbours.load(PUBLIC, "2021");
    assertThat(model2021.of("202"))
        .containsExactly("213", "205", "207", "206", "212", "352", "203", "870", "309", "302");
    // sn_model_2025_wide.csv, row "302,Barnet": SN_1 320 ... SN_10 307
    StatisticalNeighbours model2025 = StatisticalNeighbours.load(PUBLIC.resolve("dfe"), "2025");
    assertThat(model2025.of("302"))
        .containsExactly("320", "870", "310", "317", "315", "306", "209", "312", "309", "307");
    assertThat(model2025.of("999")).isEmpty();
  }

  @Test
  void aFolderWithoutTheModelIsAUsageError() throws Exception {
    Path empty = Files.createTempDirectory("no-neighbours");
    assertThatThrownBy(() -> StatisticalNeighbours.load(empty, "2021"))
        .isInstanceOf(PipelineException.class)
        .hasMessageStartingWith("Cannot find the 2021 statistical neighbour model");
  }
}
