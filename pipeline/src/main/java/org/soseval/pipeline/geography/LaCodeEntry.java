package org.soseval.pipeline.geography;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One DfE 3-digit LA code with one ONS 9-character code, valid for a range of reporting years.
 *
 * @param oldLaCode the DfE 3-digit code, e.g. {@code "839"}
 * @param newLaCode the ONS GSS code, e.g. {@code "E06000058"}
 * @param name the LA name as DfE publishes it
 * @param regionCode the region code as DfE publishes it (London LAs in Inner/Outer London)
 * @param regionName the region name
 * @param firstYear the first reporting year of this entry; empty if before 2013
 * @param lastYear the last reporting year of this entry; empty if still current
 * @param predecessors the 3-digit codes this LA took area from (a code may be its own predecessor
 *     when only the GSS code changed)
 * @param successors the 3-digit codes that took this LA's area
 * @param otherNewLaCodes other GSS codes DfE files have published for this LA (Gateshead and
 *     Northumberland keep their pre-2013 codes in some files up to 2019)
 */
public record LaCodeEntry(
    String oldLaCode,
    String newLaCode,
    String name,
    String regionCode,
    String regionName,
    OptionalInt firstYear,
    OptionalInt lastYear,
    List<String> predecessors,
    List<String> successors,
    List<String> otherNewLaCodes) {
  public LaCodeEntry {
    Objects.requireNonNull(oldLaCode, "oldLaCode is null");
    if (!oldLaCode.matches("\\d{3}")) {
      throw new IllegalArgumentException("old_la_code must be 3 digits: " + oldLaCode);
    }
    Objects.requireNonNull(newLaCode, "newLaCode is null");
    if (!newLaCode.matches("E\\d{8}")) {
      throw new IllegalArgumentException("new_la_code must be E and 8 digits: " + newLaCode);
    }
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(regionCode, "regionCode is null");
    Objects.requireNonNull(regionName, "regionName is null");
    Objects.requireNonNull(firstYear, "firstYear is null");
    Objects.requireNonNull(lastYear, "lastYear is null");
    predecessors = List.copyOf(predecessors);
    successors = List.copyOf(successors);
    otherNewLaCodes = List.copyOf(otherNewLaCodes);
  }

  /** Whether {@code code} is this entry's GSS code or one DfE has also published for it. */
  public boolean hasNewCode(String code) {
    return newLaCode.equals(code) || otherNewLaCodes.contains(code);
  }

  /** Whether this entry is the LA's identity in reporting year {@code year}. */
  public boolean validIn(int year) {
    return (firstYear.isEmpty() || firstYear.getAsInt() <= year)
        && (lastYear.isEmpty() || year <= lastYear.getAsInt());
  }
}
