package org.soseval.pipeline.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {
  private final WorkingDays calendar = WorkingDays.englandAndWales();

  @Test
  void sameDayIsZeroWorkingDays() {
    LocalDate monday = LocalDate.of(2019, 6, 3);
    assertThat(calendar.between(monday, monday)).isZero();
  }

  @Test
  void countsDaysAfterStartUpToAndIncludingEnd() {
    // Fri 2019-06-07 -> Mon 2019-06-10: only the Monday counts.
    assertThat(calendar.between(LocalDate.of(2019, 6, 7), LocalDate.of(2019, 6, 10))).isEqualTo(1);
    // a full week Monday -> Monday is 5 working days
    assertThat(calendar.between(LocalDate.of(2019, 6, 3), LocalDate.of(2019, 6, 10))).isEqualTo(5);
  }

  @Test
  void skipsEasterAndSubstituteBankHolidays() {
    // Thu 2019-04-18 -> Tue 2019-04-23: Good Friday 19th and Easter Monday 22nd are holidays.
    assertThat(calendar.between(LocalDate.of(2019, 4, 18), LocalDate.of(2019, 4, 23))).isEqualTo(1);
    // Christmas 2021 fell on a Saturday: Mon 27 and Tue 28 December were substitute days.
    assertThat(calendar.isWorkingDay(LocalDate.of(2021, 12, 27))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2021, 12, 28))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2021, 12, 29))).isTrue();
    // one-off holidays: the Queen's funeral and the coronation
    assertThat(calendar.isWorkingDay(LocalDate.of(2022, 9, 19))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2023, 5, 8))).isFalse();
  }

  @Test
  void plusIsTheInverseOfBetween() {
    LocalDate start = LocalDate.of(2015, 12, 18);
    for (int days = 0; days < 60; days++) {
      assertThat(calendar.between(start, calendar.plus(start, days))).isEqualTo(days);
    }
    assertThat(calendar.plus(start, 15)).isEqualTo(LocalDate.of(2016, 1, 13));
  }

  @Test
  void endBeforeStartIsNegative() {
    assertThat(calendar.between(LocalDate.of(2019, 6, 10), LocalDate.of(2019, 6, 3))).isEqualTo(-5);
  }

  @Test
  void refusesDatesOutsideTheCalendar() {
    assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2031, 1, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2031-01-02 is outside the bank-holiday calendar (2000-2030)");
  }
}
