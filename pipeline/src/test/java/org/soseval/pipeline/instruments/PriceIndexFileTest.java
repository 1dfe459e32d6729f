package org.soseval.pipeline.instruments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soseval.pipeline.privacy.PseudonymKey;
import org.soseval.pipeline.privacy.Pseudonymiser;

class PriceIndexFileTest {
  @TempDir Path temp;

  @Test
  void theShippedIndexIsIllustrativeAndSaysSo() {
    PriceIndexFile shipped = PriceIndexFile.shipped();
    assertThat(shipped.illustrative()).isTrue();
    assertThat(shipped.index().name()).contains("illustrative").contains("not an official");
    // 2% a year with 2023 = 100: 100 / 1.02^7 = 87.056 (rounded to 3 places in the file)
    assertThat(shipped.index().index(2016)).isEqualTo(87.056);
    assertThat(shipped.index().index(2023)).isEqualTo(100.0);
  }

  @Test
  void aPublishedIndexNeedsItsSourceReleaseAndUrl() {
    PriceIndexFile published = PriceIndexFile.load("price-index/published.yaml");
    assertThat(published.illustrative()).isFalse();
    assertThat(published.release()).isEqualTo("2025-06-30");
    assertThatThrownBy(() -> PriceIndexFile.load("price-index/published-without-source.yaml"))
        .hasMessageContaining("a published index needs its source and url");
    assertThatThrownBy(() -> PriceIndexFile.load("price-index/illustrative-unnamed.yaml"))
        .hasMessageContaining("an illustrative index must say so in its name");
  }

  @Test
  void theCostTableNamesThePriceYearAndTheIndexInItsLabels() throws IOException {
    Path folder = Files.createDirectories(temp.resolve("instruments"));
    Files.writeString(
        folder.resolve("costs.csv"),
        "la_code,category,item,amount_gbp,hours,unit_cost_gbp,price_year\n"
            + "855,training,Course,1000,,,2015\n"
            + "855,staff_time,Backfill,,100,40,2016\n");
    InstrumentSet set =
        InstrumentSet.read(List.of(folder), Pseudonymiser.create(PseudonymKey.random()));
    List<CostAnalysis.LaCost> costs =
        CostAnalysis.run(
            set,
            LaGroups.of(List.of("855"), List.of()),
            List.of(),
            CostAnalysis.priceIndex(),
            OptionalInt.empty(),
            temp.resolve("publish"));
    // uprated to the latest price year, 2016 (2015-16): 1000 x 87.056 / 85.349, plus 100 x 40
    assertThat(costs.get(0).total()).isCloseTo(1000 * 87.056 / 85.349 + 4000, Offset.offset(1e-9));
    assertThat(Files.readString(temp.resolve("publish/costs.meta.csv")))
        .contains("Cost, 2015-16 prices (illustrative index, not an official deflator)");
  }
}
