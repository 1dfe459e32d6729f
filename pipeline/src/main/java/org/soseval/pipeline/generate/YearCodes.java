package org.soseval.pipeline.generate;

/**
 * Writes the simulator's codes (always the newest code set) as the code a given collection year's
 * return uses: the same physical-abuse factor is 18A in 2020 and 18C from 2021; an SGO to a
 * relative is E43 before 2019-20 and E45/E47 after.
 */
final class YearCodes {
  private YearCodes() {}

  static String factor(String code, int year) {
    if (year <= 2020 && (code.equals("18B") || code.equals("18C"))) {
      return "18A";
    }
    if (year <= 2020 && (code.equals("19B") || code.equals("19C"))) {
      return "19A";
    }
    if (year <= 2021 && code.equals("24A")) {
      return "20";
    }
    return code;
  }

  static String referralSource(String code, int year) {
    return year <= 2022 && code.equals("5D") ? "5B" : code;
  }

  static String closureReason(String code, int year) {
    return year <= 2022 && code.equals("RC9") ? "RC8" : code;
  }

  /** CIN {@code GenderCurrent} (to 2023-24) or {@code Sex} (from 2024-25). */
  static String cinSex(ChildHistory.Sex sex, boolean unbornAtCensus, int year) {
    if (year <= 2024) {
      if (unbornAtCensus) {
        return "0";
      }
      return switch (sex) {
        case MALE -> "1";
        case FEMALE -> "2";
        case INDETERMINATE -> "9";
      };
    }
    if (unbornAtCensus) {
      return "U";
    }
    return switch (sex) {
      case MALE -> "M";
      case FEMALE -> "F";
      case INDETERMINATE -> "U";
    };
  }

  /** SSDA903 {@code SEX}: 1/2 to 2023-24, M/F/U from 2024-25. */
  static String ssda903Sex(ChildHistory.Sex sex, int year) {
    if (year <= 2024) {
      return sex == ChildHistory.Sex.FEMALE ? "2" : "1";
    }
    return switch (sex) {
      case MALE -> "M";
      case FEMALE -> "F";
      case INDETERMINATE -> "U";
    };
  }

  static String placement(String code, int year) {
    return year <= 2024 && code.equals("K3") ? "H5" : code;
  }

  static String reasonCeased(String code, int year) {
    if (year <= 2019) {
      switch (code) {
        case "E45", "E46":
          return "E43";
        case "E47", "E48":
          return "E44";
        default:
          break;
      }
    }
    return code;
  }
}
