package org.soseval.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ValuesTest {
  @Test
  void datesAreIsoOrDayMonthYear() {
    assertThat(Values.date("2016-03-31", false)).contains(LocalDate.of(2016, 3, 31));
    assertThat(Values.date("31/03/2016", true)).contains(LocalDate.of(2016, 3, 31));
    assertThat(Values.date("31/03/2016", false)).isEmpty();
    assertThat(Values.date("2016-02-30", true)).isEmpty();
    assertThat(Values.date("03/31/2016", true)).isEmpty();
  }

  @Test
  void wholeNumbersMayCarryAZeroFraction() {
    assertThat(Values.integer("10")).contains(10);
    assertThat(Values.integer("10.0")).contains(10);
    assertThat(Values.integer("10.5")).isEmpty();
    assertThat(Values.integer("ten")).isEmpty();
  }

  @Test
  void booleansAcceptTheReturnsSpellings() {
    assertThat(Values.bool("true")).contains(true);
    assertThat(Values.bool("1.0")).contains(true);
    assertThat(Values.bool("0")).contains(false);
    assertThat(Values.bool("maybe")).isEmpty();
  }
}
