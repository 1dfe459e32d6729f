package org.soseval.pipeline.generate;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.soseval.pipeline.generate.ChildHistory.CareEpisode;
import org.soseval.pipeline.generate.ChildHistory.CarePeriod;
import org.soseval.pipeline.generate.ChildHistory.Missing;
import org.soseval.pipeline.schemas.CsvSchema;
import org.soseval.pipeline.schemas.SchemaRegistry;

/**
 * Writes one LA's SSDA903 return for one collection year as CSV tables (Header, Episodes, UASC,
 * Reviews, Missing, PrevPerm), with the columns of {@code data-schemas/ssda903.yaml} and dates as
 * dd/mm/yyyy. Episodes open at 31 March have no end date; they are closed in next year's return.
 */
final class Ssda903Writer {
  static final List<String> TABLES =
      List.of("header", "episodes", "uasc", "reviews", "missing", "previous_permanence");

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final CSVFormat FORMAT = CSVFormat.RFC4180;
  private static final CsvSchema SCHEMA = SchemaRegistry.ssda903();

  private final CensusYear census;
  private final String laCode;

  private Ssda903Writer(String laCode, int year) {
    this.laCode = laCode;
    this.census = CensusYear.of(year);
  }

  /** Writes the tables into {@code folder}; returns the number of episode rows. */
  static int write(Path folder, String laCode, int year, List<ChildHistory> children)
      throws IOException {
    return new Ssda903Writer(laCode, year).writeTables(folder, children);
  }

  private int writeTables(Path folder, List<ChildHistory> children) throws IOException {
    Files.createDirectories(folder);
    int year = census.year();
    try (CSVPrinter header = printer(folder, "header");
        CSVPrinter episodes = printer(folder, "episodes");
        CSVPrinter uasc = printer(folder, "uasc");
        CSVPrinter reviews = printer(folder, "reviews");
        CSVPrinter missing = printer(folder, "missing");
        CSVPrinter permanence = printer(folder, "previous_permanence")) {
      int episodeRows = 0;
      for (ChildHistory child : children) {
        List<CareEpisode> inYear = new ArrayList<>();
        List<CarePeriod> started = new ArrayList<>();
        for (CarePeriod period : child.carePeriods) {
          for (CareEpisode episode : period.episodes) {
            if (census.overlaps(episode.start(), episode.end())) {
              inYear.add(episode);
            }
          }
          if (census.contains(period.start())) {
            started.add(period);
          }
        }
        if (inYear.isEmpty()) {
          continue;
        }
        String dob = format(child.birthDate);
        header.printRecord(
            child.id,
            YearCodes.ssda903Sex(child.sex, year),
            dob,
            child.ethnicity,
            child.upn != null ? child.upn : child.upnUnknownReason,
            motherFlag(child),
            "");
        for (CareEpisode episode : inYear) {
          LocalDate end = census.known(episode.end());
          episodes.printRecord(
              child.id,
              format(episode.start()),
              episode.reasonNew(),
              episode.legalStatus(),
              episode.needCategory(),
              YearCodes.placement(episode.placement(), year),
              episode.provider(),
              format(end),
              end == null ? "" : YearCodes.reasonCeased(episode.reasonCeased(), year),
              end == null || episode.reasonPlaceChange() == null ? "" : episode.reasonPlaceChange(),
              child.homePostcode,
              episode.placementPostcode(),
              episode.urn());
          episodeRows++;
        }
        if (child.unaccompaniedAsylumSeeker) {
          uasc.printRecord(
              child.id,
              YearCodes.ssda903Sex(child.sex, year),
              dob,
              format(census.known(child.eighteenthBirthday())));
        }
        for (CarePeriod period : child.carePeriods) {
          for (LocalDate review : period.reviews) {
            if (census.contains(review)) {
              reviews.printRecord(child.id, dob, format(review), reviewCode(child, review));
            }
          }
          for (Missing episode : period.missing) {
            if (census.contains(episode.start())) {
              missing.printRecord(
                  child.id,
                  dob,
                  episode.kind(),
                  format(episode.start()),
                  format(census.known(episode.end())));
            }
          }
        }
        for (CarePeriod period : started) {
          String previous = period.previousPermanence;
          boolean order = previous.equals("P1") || previous.equals("P2") || previous.equals("P3");
          permanence.printRecord(
              child.id,
              dob,
              previous,
              order ? laCode : "",
              order ? format(period.start().minusYears(2).withDayOfMonth(1)) : "");
        }
      }
      return episodeRows;
    }
  }

  private CSVPrinter printer(Path folder, String table) throws IOException {
    Writer writer = Files.newBufferedWriter(folder.resolve(table + ".csv"), StandardCharsets.UTF_8);
    List<String> columns = SCHEMA.table(table).columnNamesIn(census.year());
    return FORMAT.builder().setHeader(columns.toArray(String[]::new)).get().print(writer);
  }

  private String motherFlag(ChildHistory child) {
    if (child.sex != ChildHistory.Sex.FEMALE
        || Period.between(child.birthDate, census.end()).getYears() < 12) {
      return "";
    }
    return Math.floorMod(child.id.hashCode(), 40) == 0 ? "1" : "0";
  }

  private static String reviewCode(ChildHistory child, LocalDate review) {
    if (Period.between(child.birthDate, review).getYears() < 4) {
      return "PN0";
    }
    int pick = Math.floorMod(child.id.hashCode() * 31 + review.hashCode(), 20);
    return pick < 9 ? "PN1" : pick < 12 ? "PN3" : pick < 15 ? "PN5" : "PN" + (2 + pick % 6);
  }

  private static String format(LocalDate date) {
    return date == null ? "" : DATE.format(date);
  }
}
