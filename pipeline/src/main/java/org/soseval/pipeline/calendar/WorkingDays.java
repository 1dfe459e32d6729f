package org.soseval.pipeline.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

/**
 * The England and Wales working-day calendar: Monday to Friday, less bank holidays. The holidays
 * are data ({@code data-schemas/calendar/england_and_wales_bank_holidays.csv}, 2000-2030); a date
 * outside those years is an error rather than a silent guess.
 */
public final class WorkingDays {
  private static final String RESOURCE = "schemas/calendar/england_and_wales_bank_holidays.csv";
  private static final WorkingDays ENGLAND_AND_WALES = load();

  private final Set<LocalDate> bankHolidays;
  private final int firstYear;
  private final int lastYear;
  private final LocalDate firstDay;

  /** cumulative[i] = working days among the first i + 1 days of the calendar. */
  private final int[] cumulative;

  private WorkingDays(Set<LocalDate> bankHolidays, int firstYear, int lastYear) {
    this.bankHolidays = Set.copyOf(bankHolidays);
    this.firstYear = firstYear;
    this.lastYear = lastYear;
    this.firstDay = LocalDate.of(firstYear, 1, 1);
    int days = (int) (LocalDate.of(lastYear + 1, 1, 1).toEpochDay() - firstDay.toEpochDay());
    this.cumulative = new int[days];
    int count = 0;
    for (int i = 0; i < days; i++) {
      LocalDate day = firstDay.plusDays(i);
      DayOfWeek weekday = day.getDayOfWeek();
      if (weekday != DayOfWeek.SATURDAY
          && weekday != DayOfWeek.SUNDAY
          && !this.bankHolidays.contains(day)) {
        count++;
      }
      cumulative[i] = count;
    }
  }

  public static WorkingDays englandAndWales() {
    return ENGLAND_AND_WALES;
  }

  public boolean isWorkingDay(LocalDate date) {
    int index = index(date);
    return cumulative[index] > (index == 0 ? 0 : cumulative[index - 1]);
  }

  /**
   * Working days from {@code start} to {@code end}: the number of working days d with start &lt; d
   * &lt;= end. Zero when both are the same day; negative when {@code end} is before {@code start}.
   */
  public int between(LocalDate start, LocalDate end) {
    return cumulative[index(end)] - cumulative[index(start)];
  }

  /**
   * The date {@code days} working days after {@code start} (so that {@code between(start, result)
   * == days}); {@code days} must be at least 0, and 0 returns {@code start}.
   */
  public LocalDate plus(LocalDate start, int days) {
    if (days < 0) {
      throw new IllegalArgumentException("days must be >= 0: " + days);
    }
    LocalDate day = start;
    int remaining = days;
    while (remaining > 0) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        remaining--;
      }
    }
    return day;
  }

  private int index(LocalDate date) {
    if (date.getYear() < firstYear || date.getYear() > lastYear) {
      throw new IllegalArgumentException(
          "date "
              + date
              + " is outside the bank-holiday calendar ("
              + firstYear
              + "-"
              + lastYear
              + "): extend "
              + RESOURCE);
    }
    return (int) (date.toEpochDay() - firstDay.toEpochDay());
  }

  private static WorkingDays load() {
    TreeSet<LocalDate> holidays = new TreeSet<>();
    try (InputStream in = WorkingDays.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the class path");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      reader.readLine();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          holidays.add(LocalDate.parse(line.substring(0, line.indexOf(','))));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
    return new WorkingDays(holidays, holidays.first().getYear(), holidays.last().getYear());
  }
}
