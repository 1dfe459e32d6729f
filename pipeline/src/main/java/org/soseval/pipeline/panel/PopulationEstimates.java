package org.soseval.pipeline.panel;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.soseval.pipeline.PipelineErrors;

/**
 * ONS mid-year estimates of children aged 0-17 by upper-tier LA, from DfE's {@code
 * ons_mid-year_population_estimates_2012_to_2024.csv}. The file's {@code time_period} is the
 * mid-year (its rows say "Reporting year", but the value is the estimate for 30 June of that year):
 * reporting year Y divides by mid-year Y-1.
 */
public final class PopulationEstimates {
  /** The DfE file name. */
  public static final String FILE = "ons_mid-year_population_estimates_2012_to_2024.csv";

  private final Map<String, Double> byCodeAndMidYear;
  private final String source;

  private PopulationEstimates(Map<String, Double> byCodeAndMidYear, String source) {
    this.byCodeAndMidYear = Collections.unmodifiableMap(byCodeAndMidYear);
    this.source = source;
  }

  /** Reads the DfE file; LA rows are keyed by 3-digit code, region rows by region code. */
  public static PopulationEstimates load(Path file) {
    PublishedCsv csv = PublishedCsv.read(file, PublishedValue.Convention.EES);
    String estimate = csv.column("population_estimate", "population", "children_count");
    Map<String, Double> values = new TreeMap<>();
    for (PublishedCsv.Row row : csv.rows()) {
      String level = row.text("geographic_level");
      String code =
          switch (level) {
            case "Local authority" -> row.text("old_la_code");
            case "Regional" -> row.text("region_code");
            case "National" -> row.text("country_code");
            default -> "";
          };
      if (code.isEmpty()) {
        continue;
      }
      PublishedValue value = row.value(estimate);
      if (value.isPresent()) {
        values.put(key(code, Integer.parseInt(row.text("time_period"))), value.number());
      }
    }
    if (values.isEmpty()) {
      throw PipelineErrors.inputRejected(
          "Cannot read population estimates " + file, "it holds no estimates", "Use DfE's " + FILE);
    }
    return new PopulationEstimates(values, file.getFileName().toString());
  }

  /** The estimate for mid-year {@code midYear}, if the file has one for {@code code}. */
  public OptionalDouble midYear(String code, int midYear) {
    Double value = byCodeAndMidYear.get(key(code, midYear));
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  /** The denominator of reporting year {@code year}: the estimate for mid-year {@code year - 1}. */
  public OptionalDouble forReportingYear(String code, int year) {
    return midYear(code, year - 1);
  }

  /** The file name the estimates came from. */
  public String source() {
    return source;
  }

  private static String key(String code, int year) {
    return code + "/" + year;
  }
}
