package org.soseval.pipeline.panel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.soseval.pipeline.PipelineErrors;
import org.soseval.pipeline.geography.LaCodeEntry;
import org.soseval.pipeline.geography.LaCrosswalk;

/**
 * LA × reporting-year indicators built from DfE's published statistics only (no case-level data):
 * counts as published, rates recomputed from the counts and the ONS 0-17 estimate for mid-year Y-1,
 * percentages recomputed from their counts. docs/indicators.md says which file and column each
 * indicator comes from and which indicators cannot be derived.
 *
 * @param rows one row per LA and reporting year, ordered by year and then 3-digit code, with their
 *     data-quality flags
 * @param notes what the loader noticed and worked around (mislabelled columns, missing files)
 */
public record PublishedPanel(List<PanelRow> rows, List<String> notes) {
  /** The CIN/CP files, in {@code public/dfe}. */
  public static final String B1 = "b1_children_in_need_2013_to_2025.csv";

  public static final String C1 = "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv";
  public static final String C4 = "c4_children_in_need_section_47s_and_icpcs_2013_to_2025.csv";
  public static final String D3 = "d3_cpps_subsequent_plan_2013_to_2025.csv";
  public static final String D5 = "d5_cpps_at31march_by_duration_2013_to_2025.csv";

  /** The CLA number-and-rate releases, oldest first; a later release wins for a year. */
  public static final List<String> CLA_NUMBER_AND_RATE =
      List.of(
          "cla_number_and_rate_per_10k_children_2019_to_2023.csv",
          "cla_number_and_rate_per_10k_children_2020_to_2024.csv",
          "cla_number_and_rate_per_10k_children_2021_to_2025.csv");

  /** The CLA ceased-by-reason releases, oldest first. */
  public static final List<String> CLA_CEASED =
      List.of(
          "la_children_who_ceased_during_year_2018_to_2022.csv",
          "la_children_who_ceased_during_the_year_2020_to_2024.csv");

  public static final String CLA_STARTED_2018 =
      "la_cla_who_started_to_be_looked_after_2018_to_2022.csv";

  static final String NOT_PUBLISHED = "not published at LA level (docs/indicators.md)";

  public PublishedPanel {
    rows = List.copyOf(rows);
    notes = List.copyOf(notes);
  }

  /**
   * Builds the panel from the published files under {@code publicDir}: the folder that holds {@code
   * dfe/} and {@code dfe_cla_2013_2024/}, or {@code dfe/} itself (its sibling {@code
   * dfe_cla_2013_2024/} is then used if present).
   *
   * @throws org.soseval.pipeline.PipelineException (input rejected) if a required file is missing
   *     or unreadable
   */
  public static PublishedPanel load(Path publicDir) {
    Locator locator = new Locator(publicDir);
    List<String> notes = new ArrayList<>();
    PopulationEstimates population =
        PopulationEstimates.load(locator.required(PopulationEstimates.FILE));
    Map<String, Builder> builders = new TreeMap<>();

    readCin(
        locator.required(C1),
        builders,
        Map.of(
            "referrals_count", new String[] {"referral_count", "referrals", "Referrals"},
            "rereferrals_12m_count",
                new String[] {"rereferral_count", "re_referrals", "Rereferrals"}));
    readCin(
        locator.required(C4),
        builders,
        Map.of(
            "s47_count", new String[] {"Section47", "section_47_count", "s47_count"},
            "icpc_count", new String[] {"ICPC", "icpc_count"},
            "s47_to_icpc_median_working_days", new String[] {"Duration_median", "duration_median"},
            "c4_band_0_10", new String[] {"Duration_0-10_days"},
            "c4_band_11_15", new String[] {"Duration_11-15_days"},
            "c4_band_16_20", new String[] {"Duration_16-20_days"},
            "c4_band_21_plus", new String[] {"Duration_21+_days"}));
    readCin(
        locator.required(D3),
        builders,
        Map.of(
            "cpp_start_count", new String[] {"CPP_start", "cpp_start_count"},
            "cpp_subsequent_count", new String[] {"CPP_subsequent", "cpp_subsequent_count"}));
    readCin(
        locator.required(D5),
        builders,
        Map.of("cpp_at31_count", new String[] {"CPP_At31", "CPP_at31", "cpp_at31_count"}));
    readCin(
        locator.required(B1),
        builders,
        Map.of("cin_at31_count", new String[] {"At31_episodes", "at31_episodes"}));

    readSfr(locator, builders, notes);
    readClaNumberAndRate(locator, builders, notes);
    readClaCeased(locator, builders, notes);
    readClaStarted2018(locator, builders, notes);

    List<PanelRow> rows = new ArrayList<>();
    for (Builder builder : builders.values()) {
      if (builder.entry != null) {
        rows.add(builder.build(population));
      }
    }
    rows.sort(Comparator.comparingInt(PanelRow::year).thenComparing(r -> r.la().oldLaCode()));
    return new PublishedPanel(QualityFlags.apply(rows), notes);
  }

  /** The row of LA {@code oldLaCode} in {@code year}, if the panel has one. */
  public Optional<PanelRow> row(String oldLaCode, int year) {
    return rows.stream()
        .filter(r -> r.year() == year && r.la().oldLaCode().equals(oldLaCode))
        .findFirst();
  }

  // ---- CIN and CP files (EES layout, one row per LA-year) ----

  private static void readCin(
      Path file, Map<String, Builder> builders, Map<String, String[]> wanted) {
    PublishedCsv csv = PublishedCsv.read(file, PublishedValue.Convention.EES);
    Map<String, String> columns = new LinkedHashMap<>();
    for (Map.Entry<String, String[]> entry : new TreeMap<>(wanted).entrySet()) {
      columns.put(entry.getKey(), csv.column(entry.getValue()));
    }
    for (PublishedCsv.Row row : csv.rows()) {
      if (!"Local authority".equals(row.text("geographic_level"))) {
        continue;
      }
      int year = Integer.parseInt(row.text("time_period"));
      Builder builder = builder(builders, row.text("old_la_code"), year);
      builder.geography(
          row.text("new_la_code"),
          row.text("la_name"),
          row.text("region_code"),
          row.text("region_name"));
      for (Map.Entry<String, String> column : columns.entrySet()) {
        builder.put(
            column.getKey(),
            row.value(column.getValue()),
            file.getFileName() + " " + column.getValue());
      }
    }
  }

  // ---- CLA 2013-2017: the SFR underlying files ----

  private static final Pattern SFR_FILE = Pattern.compile("SFR\\d+_(ADM|CLA|CEA)(\\d{4})\\.csv");

  private static void readSfr(Locator locator, Map<String, Builder> builders, List<String> notes) {
    List<Path> files = locator.matching(SFR_FILE);
    if (files.isEmpty()) {
      notes.add(
          "No SFR 2013-2017 CLA files (SFR*_ADM/CLA/CEA<year>.csv) found: CLA indicators for 2013-2017 are x");
      return;
    }
    for (Path file : files) {
      Matcher matcher = SFR_FILE.matcher(file.getFileName().toString());
      if (!matcher.matches()) {
        continue;
      }
      String kind = matcher.group(1);
      int year = Integer.parseInt(matcher.group(2));
      PublishedCsv csv = PublishedCsv.read(file, PublishedValue.Convention.SFR);
      String name = file.getFileName().toString();
      Map<String, List<String>> columns = new LinkedHashMap<>();
      switch (kind) {
        case "ADM" -> {
          String start = "CLA_started" + year;
          if (!csv.hasColumn(start)) {
            start =
                csv.columnMatching("CLA_started\\d{4}")
                    .orElseGet(() -> csv.column("CLA_started" + year));
            notes.add(
                String.format(
                    Locale.ROOT,
                    "%s: the start column is labelled %s but holds %d starts (DfE's metadata calls it CLA_started%d); read as %d",
                    name,
                    start,
                    year,
                    year,
                    year));
          }
          columns.put("cla_start_count", List.of(start));
        }
        case "CLA" -> columns.put("cla_at31_count", List.of(csv.column("CLA_Mar" + year)));
        case "CEA" -> {
          columns.put("cla_ceased_count", List.of(csv.column("CLA_cease" + year, "CLA_cease")));
          if (csv.hasColumn("CLA_ceaPar")) {
            columns.put("cla_reunified_count", List.of("CLA_ceaPar"));
          } else {
            columns.put(
                "cla_reunified_count",
                List.of(
                    csv.column("CLA_ceaParPlan", "CEA_ParPlan"),
                    csv.column("CLA_ceaParNPlan", "CEA_ParNPlan")));
          }
        }
        default -> throw new IllegalStateException(kind);
      }
      for (PublishedCsv.Row row : csv.rows()) {
        if (!"LA".equals(row.text("geog_l"))) {
          continue;
        }
        Builder builder = builder(builders, row.text("geog_c"), year);
        for (Map.Entry<String, List<String>> column : columns.entrySet()) {
          PublishedValue sum = PublishedValue.of(0);
          for (String part : column.getValue()) {
            sum = add(sum, row.value(part));
          }
          builder.put(column.getKey(), sum, name + " " + String.join("+", column.getValue()));
        }
      }
    }
  }

  /**
   * Overlapping releases of one statistic, oldest first, with the newest release that holds each
   * year (a later release revises the years it shares with an earlier one).
   */
  private record Releases(Map<String, PublishedCsv> files, Map<Integer, String> newestOfYear) {
    static Releases read(Locator locator, List<String> oldestFirst, List<String> notes) {
      Map<String, PublishedCsv> files = new LinkedHashMap<>();
      Map<Integer, String> newestOfYear = new TreeMap<>();
      for (String name : oldestFirst) {
        Optional<Path> file = locator.optional(name);
        if (file.isEmpty()) {
          notes.add("Not found: " + name);
          continue;
        }
        PublishedCsv csv = PublishedCsv.read(file.get(), PublishedValue.Convention.EES);
        files.put(name, csv);
        for (PublishedCsv.Row row : csv.rows()) {
          newestOfYear.put(Integer.parseInt(row.text("time_period")), name);
        }
      }
      return new Releases(files, newestOfYear);
    }
  }

  // ---- CLA 2019-2025: number and rate releases ----

  private static void readClaNumberAndRate(
      Locator locator, Map<String, Builder> builders, List<String> notes) {
    Releases releases = Releases.read(locator, CLA_NUMBER_AND_RATE, notes);
    Map<Integer, String> releaseOfYear = releases.newestOfYear();
    for (Map.Entry<String, PublishedCsv> release : releases.files().entrySet()) {
      PublishedCsv csv = release.getValue();
      String category = csv.column("population_type", "population_count");
      String count = csv.column("children_count", "number");
      for (PublishedCsv.Row row : csv.rows()) {
        int year = Integer.parseInt(row.text("time_period"));
        if (!"Local authority".equals(row.text("geographic_level"))
            || !release.getKey().equals(releaseOfYear.get(year))) {
          continue;
        }
        String what = row.text(category).toLowerCase(Locale.ROOT);
        String indicator =
            what.contains("starting")
                ? "cla_start_count"
                : what.contains("ceasing")
                    ? "cla_ceased_count"
                    : what.contains("31 march") ? "cla_at31_count" : null;
        if (indicator == null) {
          continue;
        }
        Builder builder = builder(builders, row.text("old_la_code"), year);
        PublishedValue value = row.value(count);
        PublishedValue earlier = builder.values.get(indicator);
        if (!value.isPresent() && earlier != null && earlier.isPresent()) {
          continue; // a matrix-completing z row must not hide the LA's real row
        }
        builder.put(indicator, value, release.getKey() + " " + count);
      }
    }
  }

  // ---- CLA ceased by reason (returned home), 2018-2024 ----

  private static void readClaCeased(
      Locator locator, Map<String, Builder> builders, List<String> notes) {
    Releases releases = Releases.read(locator, CLA_CEASED, notes);
    Map<Integer, String> releaseOfYear = releases.newestOfYear();
    for (Map.Entry<String, PublishedCsv> release : releases.files().entrySet()) {
      PublishedCsv csv = release.getValue();
      String count = csv.column("number", "children_count");
      Map<String, PublishedValue> reunified = new TreeMap<>();
      Map<String, PublishedValue> ceased = new TreeMap<>();
      for (PublishedCsv.Row row : csv.rows()) {
        int year = Integer.parseInt(row.text("time_period"));
        if (!"Local authority".equals(row.text("geographic_level"))
            || !release.getKey().equals(releaseOfYear.get(year))
            || !"Reason episode ceased".equals(row.text("cla_group"))) {
          continue;
        }
        String key = row.text("old_la_code") + "/" + year;
        String characteristic = row.text("characteristic");
        if (characteristic.startsWith(
            "Returned home to live with parents or other person with parental responsibility")) {
          reunified.merge(key, row.value(count), PublishedPanel::add);
        } else if ("Total".equals(characteristic)) {
          ceased.put(key, row.value(count));
        }
      }
      for (Map.Entry<String, PublishedValue> entry : reunified.entrySet()) {
        String[] parts = entry.getKey().split("/");
        Builder builder = builder(builders, parts[0], Integer.parseInt(parts[1]));
        builder.put(
            "cla_reunified_count",
            entry.getValue(),
            release.getKey() + " Reason episode ceased: Returned home (planned + not planned)");
        if (!builder.values.containsKey("cla_ceased_count")) {
          builder.put(
              "cla_ceased_count",
              ceased.getOrDefault(entry.getKey(), PublishedValue.missing("x")),
              release.getKey() + " Reason episode ceased: Total");
        }
      }
    }
  }

  private static void readClaStarted2018(
      Locator locator, Map<String, Builder> builders, List<String> notes) {
    Optional<Path> file = locator.optional(CLA_STARTED_2018);
    if (file.isEmpty()) {
      notes.add("Not found: " + CLA_STARTED_2018);
      return;
    }
    PublishedCsv csv = PublishedCsv.read(file.get(), PublishedValue.Convention.EES);
    String count = csv.column("number", "children_count");
    for (PublishedCsv.Row row : csv.rows()) {
      int year = Integer.parseInt(row.text("time_period"));
      if ("Local authority".equals(row.text("geographic_level"))
          && "Age group".equals(row.text("cla_group"))
          && "Total".equals(row.text("characteristic"))) {
        Builder builder = builder(builders, row.text("old_la_code"), year);
        if (!builder.values.containsKey("cla_start_count")) {
          builder.put("cla_start_count", row.value(count), CLA_STARTED_2018 + " Age group: Total");
        }
      }
    }
  }

  /** The sum; a missing part makes the sum missing with its symbol ({@code c} before others). */
  static PublishedValue add(PublishedValue a, PublishedValue b) {
    if (a.isPresent() && b.isPresent()) {
      return PublishedValue.of(a.number() + b.number());
    }
    return PublishedValue.missing(worse(a, b));
  }

  private static String worse(PublishedValue a, PublishedValue b) {
    for (String symbol : List.of("c", "x", "low", "u", "k", "z")) {
      if (a.symbol().filter(symbol::equals).isPresent()
          || b.symbol().filter(symbol::equals).isPresent()) {
        return symbol;
      }
    }
    return "x";
  }

  private static Builder builder(Map<String, Builder> builders, String code, int year) {
    return builders.computeIfAbsent(
        String.format(Locale.ROOT, "%04d/%s", year, code), k -> new Builder(code, year));
  }

  /** Collects one LA-year's published values. */
  private static final class Builder {
    private final String code;
    private final int year;
    private LaCodeEntry entry;
    private final Map<String, PublishedValue> values = new LinkedHashMap<>();
    private final Map<String, String> sources = new LinkedHashMap<>();

    Builder(String code, int year) {
      this.code = code;
      this.year = year;
    }

    void geography(String newCode, String name, String regionCode, String regionName) {
      if (entry != null) {
        return;
      }
      entry =
          LaCrosswalk.byOldCode(code, year)
              .orElseGet(
                  () ->
                      new LaCodeEntry(
                          code,
                          newCode,
                          name,
                          regionCode,
                          regionName,
                          OptionalInt.of(year),
                          OptionalInt.of(year),
                          List.of(),
                          List.of(),
                          List.of()));
    }

    void put(String name, PublishedValue value, String source) {
      values.put(name, value);
      sources.put(name, source);
    }

    PanelRow build(PopulationEstimates population) {
      Map<Indicator, PublishedValue> indicators = new LinkedHashMap<>();
      Map<Indicator, String> from = new LinkedHashMap<>();
      Map<String, PublishedValue> supporting = new LinkedHashMap<>();
      OptionalDouble children = population.forReportingYear(code, year);
      Map<String, PublishedValue> named = new LinkedHashMap<>(values);
      named.put(
          "population_0_17",
          children.isPresent()
              ? PublishedValue.of(children.getAsDouble())
              : PublishedValue.missing("x"));
      sources.put("population_0_17", population.source() + " mid-" + (year - 1));
      // ICPCs within 15 working days of the s47: the 0-10 and 11-15 day bands over all four bands
      if (values.containsKey("c4_band_0_10")) {
        PublishedValue within = add(values.get("c4_band_0_10"), values.get("c4_band_11_15"));
        PublishedValue all =
            add(within, add(values.get("c4_band_16_20"), values.get("c4_band_21_plus")));
        named.put("icpc_within_15wd_count", within);
        named.put("icpc_with_s47_duration_count", all);
        supporting.put("icpc_within_15wd_count", within);
        supporting.put("icpc_with_s47_duration_count", all);
      }
      if (values.containsKey("cpp_subsequent_count")) {
        supporting.put("cpp_subsequent_count", values.get("cpp_subsequent_count"));
      }
      for (Indicator indicator : Indicator.values()) {
        String column = indicator.column();
        switch (indicator.kind()) {
          case COUNT, MEDIAN -> {
            if (named.containsKey(column)) {
              indicators.put(indicator, named.get(column));
              from.put(indicator, sources.get(column));
            } else {
              indicators.put(indicator, PublishedValue.missing("x"));
              from.put(indicator, NOT_PUBLISHED);
            }
          }
          case RATE, PERCENT -> {
            PublishedValue top = named.get(indicator.numerator().orElseThrow());
            PublishedValue bottom = named.get(indicator.denominator().orElseThrow());
            if (top == null || bottom == null) {
              indicators.put(indicator, PublishedValue.missing("x"));
              from.put(indicator, NOT_PUBLISHED);
            } else {
              indicators.put(indicator, ratio(indicator, top, bottom));
              from.put(
                  indicator,
                  "computed from "
                      + indicator.numerator().orElseThrow()
                      + " and "
                      + indicator.denominator().orElseThrow());
            }
          }
        }
      }
      return new PanelRow(year, entry, indicators, supporting, from, List.of());
    }

    private static PublishedValue ratio(
        Indicator indicator, PublishedValue top, PublishedValue bottom) {
      if (!top.isPresent() || !bottom.isPresent()) {
        return PublishedValue.missing(worse(top, bottom));
      }
      if (!(bottom.number() > 0)) {
        return PublishedValue.missing("z");
      }
      return PublishedValue.of(
          indicator.kind() == Indicator.Kind.RATE
              ? Arithmetic.ratePer10k(top.number(), bottom.number())
              : Arithmetic.percent(top.number(), bottom.number()));
    }
  }

  /** Finds the published files under the folder given. */
  private static final class Locator {
    private final Path root;
    private final List<Path> folders = new ArrayList<>();

    Locator(Path publicDir) {
      root = publicDir;
      if (!Files.isDirectory(publicDir)) {
        throw PipelineErrors.usage(
            "Cannot read published statistics from " + publicDir,
            "it is not a folder",
            "Give the folder that holds dfe/ and dfe_cla_2013_2024/");
      }
      Path parent = publicDir.toAbsolutePath().normalize().getParent();
      for (Path base : parent == null ? List.of(publicDir) : List.of(publicDir, parent)) {
        for (String sub :
            List.of(
                "", "dfe", "dfe_cla_2013_2024/sfr_2013_2017", "dfe_cla_2013_2024/ees_2018_2024")) {
          Path folder = sub.isEmpty() ? base : base.resolve(sub);
          if (Files.isDirectory(folder) && !folders.contains(folder)) {
            folders.add(folder);
          }
        }
      }
    }

    Optional<Path> optional(String name) {
      return folders.stream().map(f -> f.resolve(name)).filter(Files::isRegularFile).findFirst();
    }

    Path required(String name) {
      return optional(name)
          .orElseThrow(
              () ->
                  PipelineErrors.inputRejected(
                      "Cannot build the published-statistics panel from " + root,
                      name + " is missing (looked in " + folders + ")",
                      "Download it from Explore Education Statistics (see docs/indicators.md) into "
                          + root));
    }

    List<Path> matching(Pattern pattern) {
      List<Path> found = new ArrayList<>();
      for (Path folder : folders) {
        try (Stream<Path> list = Files.list(folder)) {
          list.filter(p -> pattern.matcher(p.getFileName().toString()).matches())
              .sorted()
              .forEach(found::add);
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot list " + folder, e);
        }
      }
      return found;
    }
  }
}
