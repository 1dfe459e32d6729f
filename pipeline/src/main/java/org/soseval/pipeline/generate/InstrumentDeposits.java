package org.soseval.pipeline.generate;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.soseval.pipeline.geography.LocalAuthority;
import org.soseval.pipeline.instruments.InstrumentSchema;

/**
 * Writes believable instrument files for one LA under {@code OUT/<la>/instruments/}, from a random
 * stream of their own (seed and LA code), so the case-level returns are unchanged by them.
 *
 * <p>Planted relationships (recorded in {@code truth.json} under {@code instruments}): each pilot
 * has an implementation depth in (0, 1), higher with more prior experience of the model (group
 * {@code new} 0.35, {@code 2 years} 0.65, {@code 2+ years} 0.85, otherwise 0.5; plus noise sd
 * 0.05). Depth raises family and practitioner agreement, audit criteria met, self-ratings and
 * training reach, and does so more at the second wave or round than the first. Pilots get two
 * survey waves (6 and 12 months after go-live), two audit rounds (9 and 21 months), two rating
 * waves and training records (6 and 18 months), costs and caseload. Comparators get a wave-1
 * baseline of both surveys (depth 0) and nothing else.
 */
public final class InstrumentDeposits {
  static final String FOLDER = "instruments";
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();
  private static final String[] AUDITORS = {"manager", "peer", "practice_lead"};
  private static final String[] RATERS = {"senior_leader", "practice_lead", "team_manager"};

  private InstrumentDeposits() {}

  /** An LA's implementation depth: 0 for a comparator. */
  public static double depth(Design design, String la) {
    Optional<Pilot> pilot = design.pilot(la);
    if (pilot.isEmpty()) {
      return 0;
    }
    double base =
        switch (pilot.get().group()) {
          case "new" -> 0.35;
          case "2 years" -> 0.65;
          case "2+ years" -> 0.85;
          default -> 0.5;
        };
    double noise = new Sampling(random(design, la, 0)).normal() * 0.05;
    return Math.max(0.05, Math.min(0.98, base + noise));
  }

  /** The depths for {@code truth.json}. */
  public static Map<String, Object> truth(Design design) {
    Map<String, Object> truth = new LinkedHashMap<>();
    truth.put(
        "folder",
        "LA/instruments/: family_survey.csv, practitioner_survey.csv (pilots: waves 1-2;"
            + " comparators: wave 1 baseline), case_audit.csv, implementation_rating.csv,"
            + " training.csv, costs.csv, caseload.csv (pilots only)");
    Map<String, Double> depths = new LinkedHashMap<>();
    design.pilots().forEach(pilot -> depths.put(pilot.la(), depth(design, pilot.la())));
    truth.put("implementation_depth", depths);
    truth.put(
        "relationships",
        "depth raises agreement with every survey item, audit criteria met, self-ratings and"
            + " training reach; wave/round 1 carries 50-60% of the wave/round 2 effect;"
            + " comparators are at depth 0");
    return truth;
  }

  /**
   * Writes only the instrument files of every LA in the design, as {@code out/<la>/instruments/}
   * (the same bytes {@link SyntheticDeposits#generate} writes there): for tests and for evaluations
   * that bring their own returns.
   */
  public static void writeAll(Design design, Path out) {
    for (String code : design.authorities()) {
      LocalAuthority la =
          org.soseval.pipeline.geography.LocalAuthorities.byCode(code)
              .orElseThrow(() -> new IllegalArgumentException("unknown LA " + code));
      try {
        write(design, la, out.resolve(code).resolve(FOLDER));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("Cannot write instruments to " + out, e);
      }
    }
  }

  /** Writes the LA's instrument files into {@code folder}. */
  static void write(Design design, LocalAuthority la, Path folder) throws IOException {
    Files.createDirectories(folder);
    double depth = depth(design, la.code());
    boolean pilot = design.pilot(la.code()).isPresent();
    LocalDate start =
        design
            .pilot(la.code())
            .map(Pilot::start)
            .orElse(
                design.pilots().stream()
                    .map(Pilot::start)
                    .min(LocalDate::compareTo)
                    .orElse(LocalDate.of(design.firstYear(), 10, 1)));
    Sampling random = new Sampling(random(design, la.code(), 1));
    int waves = pilot ? 2 : 1;
    survey(
        folder.resolve(InstrumentSchema.FAMILY_SURVEY + ".csv"),
        InstrumentSchema.of(InstrumentSchema.FAMILY_SURVEY),
        la.code(),
        "F",
        start,
        waves,
        30,
        50,
        depth,
        random);
    survey(
        folder.resolve(InstrumentSchema.PRACTITIONER_SURVEY + ".csv"),
        InstrumentSchema.of(InstrumentSchema.PRACTITIONER_SURVEY),
        la.code(),
        "P",
        start,
        waves,
        40,
        70,
        depth,
        random);
    if (!pilot) {
      return;
    }
    audits(folder.resolve(InstrumentSchema.CASE_AUDIT + ".csv"), la.code(), start, depth, random);
    ratings(
        folder.resolve(InstrumentSchema.IMPLEMENTATION_RATING + ".csv"),
        la.code(),
        start,
        depth,
        random);
    int trained =
        training(
            folder.resolve(InstrumentSchema.TRAINING + ".csv"), la.code(), start, depth, random);
    costs(folder.resolve(InstrumentSchema.COSTS + ".csv"), la.code(), start, trained, random);
    try (CSVPrinter csv =
        printer(folder.resolve(InstrumentSchema.CASELOAD + ".csv"), InstrumentSchema.CASELOAD)) {
      int children =
          (int)
              Math.max(
                  10,
                  Math.round(la.children2013() * design.scale() * 0.035 * random.multiplier(0.1)));
      csv.printRecord(la.code(), start, start.plusYears(2).minusDays(1), children);
    }
  }

  private static SplittableRandom random(Design design, String la, int stream) {
    return new SplittableRandom(
        design.seed() * 7_919L + Long.parseLong(la) * 104_729L + 15_485_863L * (stream + 1));
  }

  private static CSVPrinter printer(Path file, String instrument) throws IOException {
    Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    return FORMAT
        .builder()
        .setHeader(InstrumentSchema.of(instrument).columnNames().toArray(String[]::new))
        .get()
        .print(writer);
  }

  private static void survey(
      Path file,
      InstrumentSchema schema,
      String la,
      String prefix,
      LocalDate start,
      int waves,
      int minimum,
      int maximum,
      double depth,
      Sampling random)
      throws IOException {
    try (CSVPrinter csv = printer(file, schema.instrument())) {
      for (int wave = 1; wave <= waves; wave++) {
        LocalDate date = start.plusMonths(6L * wave);
        double effect = depth * (wave == 1 ? 0.5 : 1.0);
        int respondents = random.between(minimum, maximum);
        for (int i = 1; i <= respondents; i++) {
          String id = String.format(Locale.ROOT, "%s%s-%d-%03d", prefix, la, wave, i);
          boolean unitNonResponse = random.chance(0.08);
          double person = random.normal();
          int itemIndex = 0;
          for (InstrumentSchema.Item item : schema.items()) {
            itemIndex++;
            String response;
            if (unitNonResponse || random.chance(0.04)) {
              response = "";
            } else if (random.chance(0.03)) {
              response = "DK";
            } else {
              double offset = 0.25 * Math.sin(itemIndex * 1.7);
              double latent = 0.3 + offset + 1.6 * effect + 0.9 * person + 0.8 * random.normal();
              int score =
                  latent < -1.2 ? 1 : latent < -0.4 ? 2 : latent < 0.4 ? 3 : latent < 1.1 ? 4 : 5;
              response = Integer.toString(item.negative() ? 6 - score : score);
            }
            csv.printRecord(la, id, wave, date, item.id(), response);
          }
        }
      }
    }
  }

  private static void audits(Path file, String la, LocalDate start, double depth, Sampling random)
      throws IOException {
    InstrumentSchema schema = InstrumentSchema.of(InstrumentSchema.CASE_AUDIT);
    try (CSVPrinter csv = printer(file, schema.instrument())) {
      int audit = 0;
      for (int round = 1; round <= 2; round++) {
        LocalDate roundStart = start.plusMonths(round == 1 ? 9 : 21);
        double effect = depth * (round == 1 ? 0.6 : 1.0);
        int cases = random.between(15, 22);
        for (int i = 0; i < cases; i++) {
          audit++;
          String auditId = String.format(Locale.ROOT, "A%s-%04d", la, audit);
          String caseId = String.format(Locale.ROOT, "C%s%06d", la, random.between(0, 999_999));
          LocalDate date = random.plusDays(roundStart, 0, 40);
          String auditor = AUDITORS[random.between(0, AUDITORS.length - 1)];
          int criterion = 0;
          for (InstrumentSchema.Item item : schema.items()) {
            criterion++;
            if (!item.inVersion(1)) {
              continue;
            }
            boolean plan = "safety_plan".equals(item.group());
            String rating;
            if (random.chance(plan ? 0.15 : 0.03)) {
              rating = "n/a";
            } else {
              double logit = -1.0 + 3.2 * effect + 0.3 * Math.cos(criterion * 1.3);
              double met = 1 / (1 + Math.exp(-logit));
              double draw = random.uniform();
              rating = draw < met ? "met" : draw < met + (1 - met) / 2 ? "partly" : "not_met";
            }
            csv.printRecord(la, auditId, caseId, date, round, 1, auditor, item.id(), rating);
          }
        }
      }
    }
  }

  private static void ratings(Path file, String la, LocalDate start, double depth, Sampling random)
      throws IOException {
    InstrumentSchema schema = InstrumentSchema.of(InstrumentSchema.IMPLEMENTATION_RATING);
    try (CSVPrinter csv = printer(file, schema.instrument())) {
      for (int wave = 1; wave <= 2; wave++) {
        LocalDate date = start.plusMonths(wave == 1 ? 6 : 18);
        double effect = depth * (wave == 1 ? 0.6 : 1.0);
        int element = 0;
        for (InstrumentSchema.Item item : schema.items()) {
          element++;
          for (String rater : RATERS) {
            double score = 1 + 8.5 * effect + 0.6 * Math.sin(element) + random.normal();
            csv.printRecord(
                la, date, item.id(), Math.max(0, Math.min(10, Math.round(score))), rater);
          }
        }
      }
    }
  }

  /** Returns the staff trained on the core course by the last date. */
  private static int training(Path file, String la, LocalDate start, double depth, Sampling random)
      throws IOException {
    int practitioners = random.between(150, 400);
    int leaders = random.between(20, 40);
    int core = 0;
    try (CSVPrinter csv = printer(file, InstrumentSchema.TRAINING)) {
      for (int wave = 1; wave <= 2; wave++) {
        LocalDate date = start.plusMonths(wave == 1 ? 6 : 18);
        double share = (0.35 + 0.6 * depth) * (wave == 1 ? 0.6 : 1.0);
        int inScope = practitioners + (wave == 2 ? random.between(-10, 10) : 0);
        core = (int) Math.round(inScope * Math.min(1, share * random.multiplier(0.05)));
        csv.printRecord(la, "basic_two_day", date, core, inScope);
        csv.printRecord(la, "advanced_five_day", date, Math.round(core * 0.25), inScope);
        csv.printRecord(
            la, "practice_leader", date, Math.max(1, Math.round(inScope * 0.06 * share)), inScope);
        csv.printRecord(
            la,
            "leadership",
            date,
            Math.round(leaders * Math.min(1, 0.5 + 0.4 * depth) * (wave == 1 ? 0.7 : 1)),
            leaders);
      }
    }
    return core;
  }

  private static void costs(Path file, String la, LocalDate start, int trained, Sampling random)
      throws IOException {
    int priceYear = CaseSimulator.reportingYear(start);
    List<Object[]> lines = new ArrayList<>();
    lines.add(
        new Object[] {
          "training",
          "Two-day course delivery",
          "set_up",
          Math.round(trained * 2 * 180.0),
          "",
          "",
          priceYear
        });
    lines.add(
        new Object[] {
          "consultancy_licence",
          "Consultancy and licence",
          "set_up",
          60_000 + 1_000 * random.between(0, 60),
          "",
          "",
          priceYear
        });
    lines.add(
        new Object[] {
          "staff_time", "Backfill for staff in training", "set_up", "", trained * 14, 40, priceYear
        });
    lines.add(
        new Object[] {
          "staff_time",
          "Practice leaders' time",
          "ongoing",
          "",
          random.between(800, 1600),
          45,
          priceYear + 1
        });
    lines.add(
        new Object[] {
          "other_direct",
          "Materials and venues",
          "set_up",
          5_000 + 500 * random.between(0, 30),
          "",
          "",
          priceYear
        });
    lines.add(
        new Object[] {
          "indirect", "Management input", "ongoing", "", random.between(300, 600), 55, priceYear + 1
        });
    try (CSVPrinter csv = printer(file, InstrumentSchema.COSTS)) {
      for (Object[] line : lines) {
        csv.print(la);
        csv.printRecord(line);
      }
    }
  }
}
