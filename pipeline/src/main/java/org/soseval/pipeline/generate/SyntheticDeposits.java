package org.soseval.pipeline.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.soseval.pipeline.Progress;
import org.soseval.pipeline.files.FileTrees;
import org.soseval.pipeline.geography.LocalAuthorities;
import org.soseval.pipeline.geography.LocalAuthority;
import org.soseval.pipeline.publish.EesWriter;

/**
 * Generates synthetic deposits in the real formats for a {@link Design}:
 *
 * <pre>
 * OUT/truth.json                      the design and the planted effects as realised
 * OUT/population.csv                  children aged 0-17 by LA and mid-year (ONS layout)
 * OUT/LA/cin_census_YYYY.xml          the CIN census for collection year YYYY
 * OUT/LA/ssda903_YYYY/TABLE.csv       the SSDA903 tables for collection year YYYY
 * OUT/LA/ssda903_YYYY.xml             instead, with the XML option: the same return as one XML
 * OUT/LA/instruments/INSTRUMENT.csv   surveys, audits, ratings, training, costs ({@link InstrumentDeposits})
 * </pre>
 *
 * Each LA is simulated from its own random stream (seed and LA code), one LA at a time per thread,
 * and written before the next starts, so memory is bounded by the largest LA. The output is staged
 * beside {@code OUT} and moved into place only when complete.
 */
public final class SyntheticDeposits {
  static final String TRUTH = "truth.json";
  static final String POPULATION = "population.csv";

  /** The columns of the ONS population file as DfE publishes it. */
  private static final List<String> POPULATION_COLUMNS =
      Stream.concat(
              EesWriter.IDENTIFIER_COLUMNS.stream(), Stream.of("age_group", "population_estimate"))
          .toList();

  private SyntheticDeposits() {}

  /** What a generation wrote. */
  public record Summary(
      Path out,
      int authorities,
      int years,
      long children,
      long referrals,
      long files,
      long bytes) {}

  public static Summary generate(Design design, Path out, Progress progress) {
    return generate(design, out, false, progress);
  }

  /**
   * As {@link #generate(Design, Path, Progress)}; with {@code ssda903Xml} each SSDA903 return is
   * written as one XML ({@link Ssda903XmlWriter}) instead of CSV tables.
   */
  public static Summary generate(Design design, Path out, boolean ssda903Xml, Progress progress) {
    List<LocalAuthority> authorities = new ArrayList<>();
    for (String code : design.authorities()) {
      authorities.add(
          LocalAuthorities.byCode(code)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "LA "
                              + code
                              + " is not one of the 147 LAs with stable boundaries 2012-2024"
                              + " (see data-schemas/reference/local_authorities.csv)")));
    }
    Path staging = out.resolveSibling(out.getFileName() + ".partial");
    try {
      checkReplaceable(out);
      FileTrees.delete(staging);
      Files.createDirectories(staging);
      Map<String, LaResult> results = new TreeMap<>();
      int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<LaResult>> futures = new ArrayList<>();
        for (LocalAuthority la : authorities) {
          futures.add(pool.submit(() -> generateAuthority(design, la, staging, ssda903Xml)));
        }
        int done = 0;
        for (Future<LaResult> future : futures) {
          LaResult result = future.get();
          results.put(result.authority().code(), result);
          done++;
          progress.report(
              String.format(
                  Locale.ROOT,
                  "generate: %d/%d %s %s: %,d children, %,d referrals",
                  done,
                  authorities.size(),
                  result.authority().code(),
                  result.authority().name(),
                  result.children(),
                  result.referrals()));
        }
      } finally {
        pool.shutdownNow();
      }
      writePopulation(design, results.values(), staging.resolve(POPULATION));
      writeTruth(design, results, staging.resolve(TRUTH));
      FileTrees.delete(out);
      Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
      long[] filesAndBytes = filesAndBytes(out);
      return new Summary(
          out,
          authorities.size(),
          design.lastYear() - design.firstYear() + 1,
          results.values().stream().mapToLong(LaResult::children).sum(),
          results.values().stream().mapToLong(LaResult::referrals).sum(),
          filesAndBytes[0],
          filesAndBytes[1]);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write deposits to " + out + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("generation interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("generation failed: " + e.getCause(), e.getCause());
    } finally {
      try {
        FileTrees.delete(staging);
      } catch (IOException ignored) {
        // the staging folder is only ever ours; a leftover is removed by the next run
      }
    }
  }

  private record LaResult(
      LocalAuthority authority, double growth, long children, long referrals, EffectTally tally) {}

  private static LaResult generateAuthority(
      Design design, LocalAuthority la, Path root, boolean ssda903Xml) throws IOException {
    Sampling random =
        new Sampling(new SplittableRandom(design.seed() * 1_000_003L + Long.parseLong(la.code())));
    AuthorityProfile profile = AuthorityProfile.draw(random.split());
    double growth = 0.005 + 0.004 * random.normal();
    CaseSimulator simulator =
        new CaseSimulator(
            la,
            profile,
            design,
            reportingYear -> population(la, design.scale(), growth, reportingYear - 1),
            random.split());
    List<ChildHistory> children = simulator.run();
    Path folder = root.resolve(la.code());
    Files.createDirectories(folder);
    for (int year = design.firstYear(); year <= design.lastYear(); year++) {
      Path xml = folder.resolve("cin_census_" + year + ".xml");
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(xml), 1 << 16)) {
        CinCensusWriter.write(out, la.code(), year, children);
      }
      Path tables = folder.resolve("ssda903_" + year);
      Ssda903Writer.write(tables, la.code(), year, children);
      if (ssda903Xml) {
        try (OutputStream out =
            new BufferedOutputStream(
                Files.newOutputStream(folder.resolve("ssda903_" + year + ".xml")), 1 << 16)) {
          Ssda903XmlWriter.fromCsvTables(tables, out);
        }
        FileTrees.delete(tables);
      }
    }
    InstrumentDeposits.write(design, la, folder.resolve(InstrumentDeposits.FOLDER));
    CensusYear first = CensusYear.of(design.firstYear());
    CensusYear last = CensusYear.of(design.lastYear());
    long referrals =
        children.stream()
            .flatMap(child -> child.episodes.stream())
            .filter(
                episode ->
                    !episode.referral.isBefore(first.start())
                        && !episode.referral.isAfter(last.end()))
            .count();
    return new LaResult(la, growth, children.size(), referrals, simulator.tally());
  }

  /** Children aged 0-17 at mid-year {@code midYear}: the 2013 estimate, scaled, with growth. */
  static long population(LocalAuthority la, double scale, double growth, int midYear) {
    return Math.round(la.children2013() * scale * Math.pow(1 + growth, midYear - 2013));
  }

  private static void writePopulation(Design design, Iterable<LaResult> results, Path file)
      throws IOException {
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter csv =
            CSVFormat.RFC4180
                .builder()
                .setHeader(POPULATION_COLUMNS.toArray(String[]::new))
                .get()
                .print(writer)) {
      for (int midYear = design.lastYear() - 1; midYear >= design.firstYear() - 1; midYear--) {
        for (LaResult result : results) {
          LocalAuthority la = result.authority();
          csv.printRecord(
              midYear,
              "Reporting year",
              "Local authority",
              "E92000001",
              "England",
              la.regionCode(),
              la.regionName(),
              la.code(),
              la.gssCode(),
              la.name(),
              "Children aged 0 to 17 years",
              population(la, design.scale(), result.growth(), midYear));
        }
      }
    }
  }

  private static void writeTruth(Design design, Map<String, LaResult> results, Path file)
      throws IOException {
    Map<String, Object> truth = new LinkedHashMap<>();
    truth.put("generator", "sos-eval generate");
    truth.put("seed", design.seed());
    truth.put("scale", design.scale());
    truth.put("first_year", design.firstYear());
    truth.put("last_year", design.lastYear());
    List<Map<String, Object>> pilots = new ArrayList<>();
    for (Pilot pilot : design.pilots()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("la", pilot.la());
      entry.put("name", results.get(pilot.la()).authority().name());
      entry.put("start", pilot.start().toString());
      entry.put("implementation_year", CaseSimulator.reportingYear(pilot.start()));
      entry.put("group", pilot.group());
      pilots.add(entry);
    }
    truth.put("pilots", pilots);
    List<Map<String, Object>> comparators = new ArrayList<>();
    for (String code : design.comparators()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("la", code);
      entry.put("name", results.get(code).authority().name());
      comparators.add(entry);
    }
    truth.put("comparators", comparators);
    List<Map<String, Object>> effects = new ArrayList<>();
    for (PlantedEffect effect : design.effects()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("outcome", effect.outcome().column());
      entry.put("relative_change", effect.relativeChange());
      entry.put(
          "applies_to",
          "events dated on or after each pilot's start; the event's probability is multiplied by"
              + " 1 + relative_change");
      List<Map<String, Object>> realised = new ArrayList<>();
      for (Pilot pilot : design.pilots()) {
        LaResult result = results.get(pilot.la());
        Map<Integer, long[]> byYear =
            result.tally().counts().getOrDefault(effect.outcome(), new TreeMap<>());
        for (int year = design.firstYear(); year <= design.lastYear(); year++) {
          long[] counts = byYear.getOrDefault(year, new long[2]);
          long population =
              population(result.authority(), design.scale(), result.growth(), year - 1);
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("la", pilot.la());
          row.put("reporting_year", year);
          row.put("actual_events", counts[0]);
          row.put("counterfactual_events", counts[1]);
          row.put("population_0_17", population);
          row.put("rate_change_per_10000", (counts[0] - counts[1]) * 10_000.0 / population);
          realised.add(row);
        }
      }
      entry.put("realised", realised);
      effects.add(entry);
    }
    truth.put("effects", effects);
    truth.put("instruments", InstrumentDeposits.truth(design));
    truth.put(
        "notes",
        "Synthetic data: no real child is described. Counts of events the planted effect touched"
            + " are by the event's reporting year; counterfactual_events is what the same random"
            + " draws would have given without the effect (direct effect only: downstream events"
            + " such as plans after a removed conference are not counted here).");
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Files.writeString(file, json.writeValueAsString(truth) + "\n", StandardCharsets.UTF_8);
  }

  private static void checkReplaceable(Path out) throws IOException {
    if (!Files.exists(out)) {
      return;
    }
    if (!Files.isDirectory(out)) {
      throw new IllegalArgumentException(out + " exists and is not a folder: choose another --out");
    }
    try (Stream<Path> entries = Files.list(out)) {
      if (entries.findAny().isPresent() && !Files.exists(out.resolve(TRUTH))) {
        throw new IllegalArgumentException(
            out
                + " is not empty and was not written by generate (no "
                + TRUTH
                + "): choose an empty or new --out folder");
      }
    }
  }

  private static long[] filesAndBytes(Path root) throws IOException {
    long[] totals = new long[2];
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        totals[0]++;
        totals[1] += Files.size(path);
      }
    }
    return totals;
  }
}
