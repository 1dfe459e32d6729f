package org.soseval.pipeline.publish;

import java.util.Objects;

/**
 * The EES location of a row: its level and the codes and names of the levels above it (blank when
 * not applicable, as EES wants: region blank on National rows, LA blank on National and Regional
 * rows).
 */
public record Geography(
    Level level,
    String countryCode,
    String countryName,
    String regionCode,
    String regionName,
    String oldLaCode,
    String newLaCode,
    String laName) {
  /** The EES geographic levels this project writes. */
  public enum Level {
    NATIONAL("National"),
    REGIONAL("Regional"),
    LOCAL_AUTHORITY("Local authority");

    private final String label;

    Level(String label) {
      this.label = label;
    }

    /** The {@code geographic_level} value. */
    public String label() {
      return label;
    }
  }

  public static final String ENGLAND_CODE = "E92000001";

  public Geography {
    Objects.requireNonNull(level, "level is null");
    Objects.requireNonNull(countryCode, "countryCode is null");
    Objects.requireNonNull(countryName, "countryName is null");
    Objects.requireNonNull(regionCode, "regionCode is null");
    Objects.requireNonNull(regionName, "regionName is null");
    Objects.requireNonNull(oldLaCode, "oldLaCode is null");
    Objects.requireNonNull(newLaCode, "newLaCode is null");
    Objects.requireNonNull(laName, "laName is null");
  }

  public static Geography england() {
    return new Geography(Level.NATIONAL, ENGLAND_CODE, "England", "", "", "", "", "");
  }

  public static Geography region(String code, String name) {
    return new Geography(Level.REGIONAL, ENGLAND_CODE, "England", code, name, "", "", "");
  }

  public static Geography localAuthority(
      String regionCode, String regionName, String oldLaCode, String newLaCode, String laName) {
    return new Geography(
        Level.LOCAL_AUTHORITY,
        ENGLAND_CODE,
        "England",
        regionCode,
        regionName,
        oldLaCode,
        newLaCode,
        laName);
  }
}
