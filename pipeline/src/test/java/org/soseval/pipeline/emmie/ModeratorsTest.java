package org.soseval.pipeline.emmie;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.soseval.pipeline.instruments.ImplementationAnalysis.LaWave;

class ModeratorsTest {
  @Test
  void implementationDepthTakesEachPilotsLatestPublishedRatingAndNeverAHiddenOne() {
    List<LaWave> waves =
        List.of(
            new LaWave("855", 1, 2015, 4.0, 3, true),
            new LaWave("855", 2, 2016, 6.5, 3, true),
            new LaWave("925", 1, 2015, 5.0, 2, true),
            new LaWave("925", 2, 2016, 3.0, 1, false), // one rater: c in the table
            new LaWave("926", 1, 2015, 7.0, 1, false),
            new LaWave("999", 1, 2015, 2.0, 4, true)); // not a pilot

    var latest = Moderators.latestPublished(waves, Set.of("855", "925", "926"));

    assertThat(latest).containsOnlyKeys("855", "925");
    assertThat(latest.get("855").score()).isEqualTo(6.5);
    assertThat(latest.get("925").wave()).isEqualTo(1);
  }
}
