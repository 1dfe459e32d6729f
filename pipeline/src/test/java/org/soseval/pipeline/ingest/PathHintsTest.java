package org.soseval.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PathHintsTest {
  @Test
  void readsEveryWayOfWritingACollectionYear() {
    assertThat(PathHints.years(Path.of("855/2016/episodes.csv"))).containsExactly(2016);
    assertThat(PathHints.years(Path.of("855/201516/episodes.csv"))).containsExactly(2016);
    assertThat(PathHints.years(Path.of("855/2015-16/episodes.csv"))).containsExactly(2016);
    assertThat(PathHints.years(Path.of("855/1516/episodes.csv"))).containsExactly(2016);
    assertThat(PathHints.years(Path.of("855/15-16/episodes.csv"))).containsExactly(2016);
    assertThat(PathHints.years(Path.of("855/episodes_2015-2016.csv"))).containsExactly(2016);
    assertThat(PathHints.years(Path.of("855/ssda903_2021/header.csv"))).containsExactly(2021);
    assertThat(PathHints.years(Path.of("855/cin_census_2019.xml"))).containsExactly(2019);
  }

  @Test
  void laCodesAndDatesAreNotYears() {
    assertThat(PathHints.years(Path.of("855/episodes.csv"))).isEmpty();
    assertThat(PathHints.years(Path.of("ssda903/export_20160331.csv"))).isEmpty();
  }

  @Test
  void twoDifferentYearsAreBothReported() {
    assertThat(PathHints.years(Path.of("2016/2017-episodes.csv"))).containsExactly(2016, 2017);
  }

  @Test
  void laCodeIsTheNearestThreeDigitFolder() {
    assertThat(PathHints.la(Path.of("deposits/855/2016/episodes.csv"))).contains("855");
    assertThat(PathHints.la(Path.of("2016/episodes.csv"))).isEmpty();
    assertThat(PathHints.la(Path.of("8550/episodes.csv"))).isEmpty();
  }
}
