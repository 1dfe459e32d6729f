package org.soseval.pipeline.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.soseval.pipeline.PipelineErrors;
import org.soseval.pipeline.PipelineException;
import org.soseval.pipeline.calendar.ReportingYears;
import org.soseval.pipeline.geography.LaCodeEntry;
import org.soseval.pipeline.geography.LaCrosswalk;
import org.soseval.pipeline.stats.disclosure.DisclosureProfile;

/**
 * An evaluation, as {@code sos-eval evaluate --config FILE} reads it (the format of product.md
 * "Evaluation config"). Relative paths are resolved against the folder holding the config file.
 */
public record EvaluationConfig(
    Path file,
    String name,
    int firstYear,
    int lastYear,
    List<PilotSpec> pilots,
    Comparison comparison,
    boolean excludeImplementationYear,
    List<String> outcomes,
    Sources sources,
    int bootstrapDraws,
    long bootstrapSeed,
    String disclosure,
    Optional<Path> keyFile,
    Optional<Path> cmo) {

  /** A pilot LA and its go-live date; its implementation year is the reporting year of start. */
  public record PilotSpec(String la, LocalDate start, String group) {
    public PilotSpec {
      Objects.requireNonNull(la, "la is null");
      Objects.requireNonNull(start, "start is null");
      Objects.requireNonNull(group, "group is null");
    }

    public int implementationYear() {
      return ReportingYears.of(start);
    }
  }

  /** How the comparison group is chosen. */
  public record Comparison(
      ComparisonMethod method,
      String neighboursModel,
      List<String> authorities,
      boolean usePredecessors) {
    public Comparison {
      Objects.requireNonNull(method, "method is null");
      authorities = List.copyOf(authorities);
    }
  }

  /** {@code statistical_neighbours}: the union of the pilots' neighbours; {@code list}: given. */
  public enum ComparisonMethod {
    STATISTICAL_NEIGHBOURS,
    LIST
  }

  /** Where the data come from; at least one must be given. */
  public record Sources(Optional<Path> deposits, Optional<Path> publicDir, Optional<Path> panel) {}

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> TOP_LEVEL =
      Set.of(
          "name",
          "reporting_years",
          "pilots",
          "comparison",
          "exclude_implementation_year",
          "outcomes",
          "sources",
          "bootstrap",
          "privacy",
          "cmo");

  public EvaluationConfig {
    pilots = List.copyOf(pilots);
    outcomes = List.copyOf(outcomes);
  }

  /** Reads and checks a config file; every problem is a usage error naming the file and field. */
  public static EvaluationConfig load(Path file) {
    JsonNode root;
    try {
      root = YAML.readTree(Files.readString(file));
    } catch (IOException e) {
      throw PipelineErrors.usage(
          "Cannot read the evaluation config " + file,
          e.getMessage().lines().findFirst().orElse("unreadable"),
          "Check the path and that the file is YAML",
          e);
    }
    if (root == null || !root.isObject()) {
      throw error(file, "(top level)", "the file is empty or not a YAML mapping");
    }
    Reader reader = new Reader(file);
    reader.onlyKnownKeys(root, TOP_LEVEL, "(top level)");
    Path base = file.toAbsolutePath().getParent();

    String name = reader.text(root, "name", true).orElseThrow();
    int[] years = reader.yearRange(root, "reporting_years");

    List<PilotSpec> pilots = new ArrayList<>();
    JsonNode pilotNodes = root.get("pilots");
    if (pilotNodes == null || !pilotNodes.isArray() || pilotNodes.isEmpty()) {
      throw error(file, "pilots", "give at least one pilot as a list of {la, start}");
    }
    Set<String> seen = new TreeSet<>();
    for (int i = 0; i < pilotNodes.size(); i++) {
      JsonNode pilot = pilotNodes.get(i);
      String where = "pilots[" + i + "]";
      reader.onlyKnownKeys(pilot, Set.of("la", "start", "group"), where);
      String la = reader.laCode(pilot, "la", where);
      if (!seen.add(la)) {
        throw error(file, where + ".la", "LA " + la + " is listed twice");
      }
      LocalDate start = reader.date(pilot, "start", where);
      String group = reader.text(pilot, "group", false).orElse("");
      pilots.add(new PilotSpec(la, start, group));
    }

    JsonNode comparisonNode = root.get("comparison");
    if (comparisonNode == null || !comparisonNode.isObject()) {
      throw error(file, "comparison", "give comparison.method (statistical_neighbours or list)");
    }
    reader.onlyKnownKeys(
        comparisonNode,
        Set.of("method", "neighbours_model", "authorities", "use_predecessors"),
        "comparison");
    String methodText = reader.text(comparisonNode, "method", true).orElseThrow();
    ComparisonMethod method =
        switch (methodText) {
          case "statistical_neighbours" -> ComparisonMethod.STATISTICAL_NEIGHBOURS;
          case "list" -> ComparisonMethod.LIST;
          default ->
              throw error(
                  file,
                  "comparison.method",
                  "'" + methodText + "' is not statistical_neighbours or list");
        };
    String model = reader.text(comparisonNode, "neighbours_model", false).orElse("2021");
    if (!model.equals("2021") && !model.equals("2025")) {
      throw error(file, "comparison.neighbours_model", "'" + model + "' is not 2021 or 2025");
    }
    List<String> authorities = new ArrayList<>();
    JsonNode list = comparisonNode.get("authorities");
    if (list != null && !list.isNull()) {
      if (!list.isArray()) {
        throw error(file, "comparison.authorities", "give a list of LA codes");
      }
      for (int i = 0; i < list.size(); i++) {
        authorities.add(reader.laCode(list.get(i), "comparison.authorities[" + i + "]"));
      }
    }
    if (method == ComparisonMethod.LIST && authorities.isEmpty()) {
      throw error(file, "comparison.authorities", "method list needs at least one LA code");
    }
    boolean predecessors = reader.bool(comparisonNode, "use_predecessors", false);

    boolean exclude = reader.bool(root, "exclude_implementation_year", true);

    List<String> outcomes = new ArrayList<>();
    JsonNode outcomeNodes = root.get("outcomes");
    if (outcomeNodes == null || !outcomeNodes.isArray() || outcomeNodes.isEmpty()) {
      throw error(file, "outcomes", "give at least one outcome column, e.g. [icpc_rate]");
    }
    for (JsonNode outcome : outcomeNodes) {
      String text = outcome.asText().trim();
      if (!text.matches("[a-z][a-z0-9_]*")) {
        throw error(file, "outcomes", "'" + text + "' is not a snake_case column name");
      }
      outcomes.add(text);
    }

    JsonNode sourcesNode = root.get("sources");
    if (sourcesNode == null || !sourcesNode.isObject()) {
      throw error(file, "sources", "give at least one of sources.deposits, public, panel");
    }
    reader.onlyKnownKeys(sourcesNode, Set.of("deposits", "public", "panel"), "sources");
    Sources sources =
        new Sources(
            reader.path(sourcesNode, "deposits", base),
            reader.path(sourcesNode, "public", base),
            reader.path(sourcesNode, "panel", base));
    if (sources.deposits().isEmpty()
        && sources.publicDir().isEmpty()
        && sources.panel().isEmpty()) {
      throw error(file, "sources", "give at least one of sources.deposits, public, panel");
    }

    int draws = 9_999;
    long seed = 20141001L;
    JsonNode bootstrap = root.get("bootstrap");
    if (bootstrap != null && !bootstrap.isNull()) {
      reader.onlyKnownKeys(bootstrap, Set.of("draws", "seed"), "bootstrap");
      draws = (int) reader.number(bootstrap, "draws", draws, 99, 1_000_000);
      seed = reader.number(bootstrap, "seed", seed, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    String disclosure = "dfe";
    Optional<Path> keyFile = Optional.empty();
    JsonNode privacy = root.get("privacy");
    if (privacy != null && !privacy.isNull()) {
      reader.onlyKnownKeys(privacy, Set.of("key_file", "disclosure"), "privacy");
      keyFile = reader.path(privacy, "key_file", base);
      disclosure = reader.text(privacy, "disclosure", false).orElse("dfe");
      if (!disclosure.equals("dfe") && !disclosure.equals("ons-10-5")) {
        throw error(file, "privacy.disclosure", "'" + disclosure + "' is not dfe or ons-10-5");
      }
    }
    Optional<Path> cmo = reader.path(root, "cmo", base);

    for (PilotSpec pilot : pilots) {
      int year = pilot.implementationYear();
      if (year <= years[0] || year >= years[1]) {
        throw error(
            file,
            "pilots",
            String.format(
                Locale.ROOT,
                "pilot %s goes live in reporting year %d, which leaves no pre or no post years"
                    + " within reporting_years %d-%d",
                pilot.la(),
                year,
                years[0],
                years[1]));
      }
    }
    return new EvaluationConfig(
        file,
        name,
        years[0],
        years[1],
        pilots,
        new Comparison(method, model, authorities, predecessors),
        exclude,
        outcomes,
        sources,
        draws,
        seed,
        disclosure,
        keyFile,
        cmo);
  }

  /** The disclosure rules of {@code privacy.disclosure}: {@code dfe} or {@code ons-10-5}. */
  public DisclosureProfile disclosureProfile() {
    return disclosure.equals("ons-10-5") ? DisclosureProfile.ons10And5() : DisclosureProfile.dfe();
  }

  private static PipelineException error(Path file, String field, String cause) {
    return PipelineErrors.usage(
        "Invalid evaluation config " + file + " at " + field,
        cause,
        "Correct the config (see docs/evaluate.md) and run again");
  }

  /** Reads typed fields with errors that name the file and field. */
  private record Reader(Path file) {
    void onlyKnownKeys(JsonNode node, Set<String> known, String where) {
      if (!node.isObject()) {
        throw error(file, where, "expected a mapping of keys to values");
      }
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String key = names.next();
        if (!known.contains(key)) {
          throw error(
              file, where, "unknown key '" + key + "'; known keys are " + new TreeSet<>(known));
        }
      }
    }

    Optional<String> text(JsonNode node, String key, boolean required) {
      JsonNode value = node.get(key);
      if (value == null || value.isNull() || value.asText().isBlank()) {
        if (required) {
          throw error(file, key, "missing");
        }
        return Optional.empty();
      }
      return Optional.of(value.asText().trim());
    }

    int[] yearRange(JsonNode node, String key) {
      String text = text(node, key, true).orElseThrow();
      String[] parts = text.split("-");
      try {
        int first = Integer.parseInt(parts[0].trim());
        int last = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : -1;
        if (parts.length != 2 || first >= last || first < 2000 || last > 2100) {
          throw new NumberFormatException();
        }
        return new int[] {first, last};
      } catch (NumberFormatException e) {
        throw error(
            file, key, "'" + text + "' is not a range of reporting years such as 2012-2019");
      }
    }

    String laCode(JsonNode node, String key, String where) {
      JsonNode value = node.get(key);
      if (value == null || value.isNull()) {
        throw error(file, where + "." + key, "missing");
      }
      return laCode(value, where + "." + key);
    }

    String laCode(JsonNode value, String where) {
      String text = value.asText().trim();
      if (!text.matches("\\d{3}|E\\d{8}")) {
        throw error(file, where, "'" + text + "' is not a 3-digit DfE LA code (or E-code)");
      }
      // an LA is known by its DfE code, which a GSS-only change (Buckinghamshire 2021) keeps
      return LaCrosswalk.byNewCode(text).map(LaCodeEntry::oldLaCode).orElse(text);
    }

    LocalDate date(JsonNode node, String key, String where) {
      String text = text(node, key, false).orElse(null);
      if (text == null) {
        throw error(file, where + "." + key, "missing");
      }
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        throw error(file, where + "." + key, "'" + text + "' is not a date yyyy-mm-dd");
      }
    }

    boolean bool(JsonNode node, String key, boolean fallback) {
      JsonNode value = node.get(key);
      if (value == null || value.isNull()) {
        return fallback;
      }
      if (!value.isBoolean()) {
        throw error(file, key, "'" + value.asText() + "' is not true or false");
      }
      return value.asBoolean();
    }

    long number(JsonNode node, String key, long fallback, long minimum, long maximum) {
      JsonNode value = node.get(key);
      if (value == null || value.isNull()) {
        return fallback;
      }
      if (!value.canConvertToLong() || value.asLong() < minimum || value.asLong() > maximum) {
        throw error(
            file,
            key,
            "'" + value.asText() + "' is not a whole number in " + minimum + "-" + maximum);
      }
      return value.asLong();
    }

    Optional<Path> path(JsonNode node, String key, Path base) {
      return text(node, key, false).map(text -> base.resolve(text).normalize());
    }
  }
}
