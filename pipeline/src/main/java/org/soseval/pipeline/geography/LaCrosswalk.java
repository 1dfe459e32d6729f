package org.soseval.pipeline.geography;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The DfE 3-digit and ONS 9-character LA codes of every English LA with children's services
 * responsibility in reporting years 2013-2025, with the reorganisations between them (Bournemouth
 * and Poole into BCP and the new Dorset in 2020, Buckinghamshire's unitary code in 2021, North and
 * West Northamptonshire in 2022, Cumberland and Westmorland and Furness, and the unitary North
 * Yorkshire and Somerset codes, in 2024). From {@code data-schemas/reference/la_code_crosswalk.csv}
 * (compiled from the DfE C1 file; see its README).
 */
public final class LaCrosswalk {
  private static final String RESOURCE = "schemas/reference/la_code_crosswalk.csv";
  private static final List<LaCodeEntry> ENTRIES = load();

  private LaCrosswalk() {}

  /** Every entry, ordered by 3-digit code and then by first year. */
  public static List<LaCodeEntry> entries() {
    return ENTRIES;
  }

  /** The entry for a 3-digit code in reporting year {@code year}, if the LA existed then. */
  public static Optional<LaCodeEntry> byOldCode(String oldLaCode, int year) {
    return ENTRIES.stream()
        .filter(e -> e.oldLaCode().equals(oldLaCode) && e.validIn(year))
        .findFirst();
  }

  /** The latest entry for a 3-digit code, whatever the year. */
  public static Optional<LaCodeEntry> byOldCode(String oldLaCode) {
    LaCodeEntry found = null;
    for (LaCodeEntry entry : ENTRIES) {
      if (entry.oldLaCode().equals(oldLaCode)) {
        found = entry;
      }
    }
    return Optional.ofNullable(found);
  }

  public static Optional<LaCodeEntry> byNewCode(String newLaCode) {
    return ENTRIES.stream().filter(e -> e.hasNewCode(newLaCode)).findFirst();
  }

  /** The LAs that existed in reporting year {@code year}, by 3-digit code. */
  public static List<LaCodeEntry> validIn(int year) {
    return ENTRIES.stream().filter(e -> e.validIn(year)).toList();
  }

  /**
   * Every 3-digit code the LA's area came from, transitively (not the code itself unless only its
   * GSS code changed).
   */
  public static Set<String> allPredecessors(String oldLaCode) {
    Set<String> found = new LinkedHashSet<>();
    List<String> queue = new ArrayList<>(List.of(oldLaCode));
    while (!queue.isEmpty()) {
      String code = queue.remove(0);
      for (LaCodeEntry entry : ENTRIES) {
        if (entry.oldLaCode().equals(code)) {
          for (String predecessor : entry.predecessors()) {
            if (found.add(predecessor) && !predecessor.equals(code)) {
              queue.add(predecessor);
            }
          }
        }
      }
    }
    return found;
  }

  private static List<LaCodeEntry> load() {
    try (InputStream in = LaCrosswalk.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the class path");
      }
      List<LaCodeEntry> entries = new ArrayList<>();
      CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
      for (CSVRecord row : format.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        entries.add(
            new LaCodeEntry(
                row.get("old_la_code"),
                row.get("new_la_code"),
                row.get("la_name"),
                row.get("region_code"),
                row.get("region_name"),
                year(row.get("first_year")),
                year(row.get("last_year")),
                codes(row.get("predecessors")),
                codes(row.get("successors")),
                codes(row.get("other_new_la_codes"))));
      }
      return List.copyOf(entries);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }

  private static OptionalInt year(String cell) {
    return cell.isBlank() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(cell.trim()));
  }

  private static List<String> codes(String cell) {
    return cell.isBlank() ? List.of() : Arrays.stream(cell.split(";")).map(String::trim).toList();
  }
}
