package org.soseval.pipeline.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every LA-year rate DfE publishes beside its count is reproduced by our arithmetic to the
 * published precision. The CLA number-and-rate files publish rates per 10,000 as whole numbers; C1
 * and D3 publish percentages to 1 dp.
 */
class PublishedRateCrossCheckTest {
  private static final PopulationEstimates ONS =
      PopulationEstimates.load(PublicData.file("dfe/" + PopulationEstimates.FILE));

  private record Outcome(int checked, List<String> mismatches, List<String> excluded) {}

  @Test
  void claRatesMatchEveryReleaseWithTheReleasesOwnPopulation() {
    for (String release : releases()) {
      Outcome outcome = checkRelease(release, false);
      System.out.printf(
          Locale.ROOT,
          "%s: %d LA-year rates checked with the row's own population%n",
          release,
          outcome.checked());
      assertThat(outcome.checked()).as(release).isGreaterThan(1500);
      assertThat(outcome.mismatches()).as(release).isEmpty();
    }
  }

  /**
   * With our own denominator (the ONS file, mid-Y-1) every LA-year rate matches, except where the
   * release used an earlier population vintage. Those are exactly the 2023 rows of the 2019-2023
   * release and the 2023 and 2024 rows of the 2020-2024 release (every LA, every measure): they
   * were published before ONS revised the mid-2022 and mid-2023 estimates, so their
   * population_estimate differs from today's ONS file; the 2021-2025 release uses today's vintage
   * throughout. Those rows are excluded here (listed on standard output) and are checked with the
   * release's own population in the test above.
   */
  @Test
  void claRatesMatchWithTheOnsPopulationWhereTheReleaseUsedTheSameVintage() {
    Map<String, Set<String>> expectedExcludedYears =
        Map.of(
            releases().get(0), Set.of("2023"),
            releases().get(1), Set.of("2023", "2024"),
            releases().get(2), Set.of());
    for (String release : releases()) {
      Outcome outcome = checkRelease(release, true);
      Map<String, Integer> excludedByYear = new TreeMap<>();
      for (String line : outcome.excluded()) {
        excludedByYear.merge(
            line.substring(line.indexOf("):") - 4, line.indexOf("):")), 1, Integer::sum);
      }
      System.out.printf(
          Locale.ROOT,
          "%s: %d LA-year rates match with ONS mid-(Y-1); excluded (earlier population vintage), by year: %s%n  %s%n",
          release,
          outcome.checked(),
          excludedByYear,
          String.join("\n  ", outcome.excluded()));
      assertThat(outcome.checked()).as(release).isGreaterThan(1000);
      assertThat(outcome.mismatches()).as(release).isEmpty();
      assertThat(excludedByYear.keySet()).as(release).isEqualTo(expectedExcludedYears.get(release));
    }
  }

  private static List<String> releases() {
    return List.of(
        "dfe/cla_number_and_rate_per_10k_children_2019_to_2023.csv",
        "dfe_cla_2013_2024/ees_2018_2024/cla_number_and_rate_per_10k_children_2020_to_2024.csv",
        "dfe/cla_number_and_rate_per_10k_children_2021_to_2025.csv");
  }

  private static Outcome checkRelease(String release, boolean withOns) {
    PublishedCsv csv = PublishedCsv.read(PublicData.file(release), PublishedValue.Convention.EES);
    String count = csv.column("children_count", "number");
    int checked = 0;
    List<String> mismatches = new ArrayList<>();
    List<String> excluded = new ArrayList<>();
    for (PublishedCsv.Row row : csv.rows()) {
      if (!"Local authority".equals(row.text("geographic_level"))) {
        continue;
      }
      PublishedValue number = row.value(count);
      PublishedValue published = row.value("rate_per_10000");
      PublishedValue ownPopulation = row.value("population_estimate");
      String where =
          String.format(
              Locale.ROOT,
              "%s line %d (%s %s %s)",
              release,
              row.line(),
              row.text("old_la_code"),
              row.text("la_name"),
              row.text("time_period"));
      if (!number.isPresent() || !published.isPresent() || !ownPopulation.isPresent()) {
        // a symbol in the count or rate: the rate must carry a symbol too
        assertThat(published.isPresent() && !number.isPresent()).as(where).isFalse();
        continue;
      }
      double population = ownPopulation.number();
      if (withOns) {
        int year = Integer.parseInt(row.text("time_period"));
        OptionalDouble ons = ONS.forReportingYear(row.text("old_la_code"), year);
        if (ons.isEmpty() || ons.getAsDouble() != population) {
          excluded.add(
              String.format(
                  Locale.ROOT,
                  "%s: release population %.0f, ONS mid-%d %s",
                  where,
                  population,
                  year - 1,
                  ons.isPresent()
                      ? String.format(Locale.ROOT, "%.0f", ons.getAsDouble())
                      : "missing"));
          continue;
        }
        population = ons.getAsDouble();
      }
      BigDecimal ours =
          Arithmetic.roundHalfUp(Arithmetic.ratePer10k(number.number(), population), 0);
      if (ours.compareTo(BigDecimal.valueOf(published.number())) != 0) {
        mismatches.add(where + ": published " + published + ", ours " + ours);
      }
      checked++;
    }
    return new Outcome(checked, mismatches, excluded);
  }

  @Test
  void rereferralAndSubsequentPlanPercentagesMatchEveryLaYear() {
    String[][] files = {
      {
        "dfe/c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv",
        "rereferral_count",
        "referral_count",
        "rereferral_percent"
      },
      {
        "dfe/d3_cpps_subsequent_plan_2013_to_2025.csv",
        "CPP_subsequent",
        "CPP_start",
        "CPP_subsequent_percent"
      }
    };
    for (String[] file : files) {
      PublishedCsv csv = PublishedCsv.read(PublicData.file(file[0]), PublishedValue.Convention.EES);
      int checked = 0;
      List<String> mismatches = new ArrayList<>();
      for (PublishedCsv.Row row : csv.rows()) {
        PublishedValue top = row.value(file[1]);
        PublishedValue bottom = row.value(file[2]);
        PublishedValue published = row.value(file[3]);
        if (!"Local authority".equals(row.text("geographic_level"))
            || !top.isPresent()
            || !bottom.isPresent()
            || !published.isPresent()
            || bottom.number() == 0) {
          continue;
        }
        BigDecimal ours =
            Arithmetic.roundHalfUp(Arithmetic.percent(top.number(), bottom.number()), 1);
        if (ours.compareTo(BigDecimal.valueOf(published.number())) != 0) {
          mismatches.add(
              file[0]
                  + " line "
                  + row.line()
                  + " "
                  + row.text("la_name")
                  + " "
                  + row.text("time_period")
                  + ": published "
                  + published
                  + ", ours "
                  + ours);
        }
        checked++;
      }
      System.out.printf(Locale.ROOT, "%s: %d LA-year percentages checked%n", file[0], checked);
      assertThat(checked).as(file[0]).isGreaterThan(1800);
      assertThat(mismatches).as(file[0]).isEmpty();
    }
  }
}
