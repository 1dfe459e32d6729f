package org.soseval.pipeline.compare;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
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
import org.soseval.pipeline.schemas.YamlLines;
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
    String text;
    JsonNode root;
    try {
      text = Files.readString(file);
      root = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw PipelineErrors.usage(
          "Cannot read the evaluation config "
              + file
              + (at != null && at.getLineNr() > 0 ? " (line " + at.getLineNr() + ")" : ""),
          e.getOriginalMessage().lines().findFirst().orElse("not YAML"),
          "Correct the YAML there (indent with spaces, close every [ and {) and run again",
          e);
    } catch (IOException e) {
      throw PipelineErrors.usage(
          "Cannot read the evaluation config " + file,
          String.valueOf(e.getMessage()).lines().findFirst().orElse("unreadable"),
          "Check the path and that the file is YAML",
          e);
    }
    Reader reader = new Reader(file, YamlLines.of(text));
    if (root == null || !root.isObject()) {
      throw reader.error("(top level)", "the file is empty or not a YAML mapping");
    }
    reader.onlyKnownKeys(root, TOP_LEVEL, "");
    Path base = file.toAbsolutePath().getParent();

    String name = reader.text(root, "name", true).orElseThrow();
    int[] years = reader.yearRange(root, "reporting_years");

    List<PilotSpec> pilots = new ArrayList<>();
    JsonNode pilotNodes = root.get("pilots");
    if (pilotNodes == null || !pilotNodes.isArray() || pilotNodes.isEmpty()) {
      throw reader.error("pilots", "give at least one pilot as a list of {la, start}");
    }
    Set<String> seen = new TreeSet<>();
    for (int i = 0; i < pilotNodes.size(); i++) {
      JsonNode pilot = pilotNodes.get(i);
      String where = "pilots[" + i + "]";
      reader.onlyKnownKeys(pilot, Set.of("la", "start", "group"), where);
      String la = reader.laCode(pilot, where + ".la");
      if (!seen.add(la)) {
        throw reader.error(where + ".la", "LA " + la + " is listed twice");
      }
      LocalDate start = reader.date(pilot, where + ".start");
      int year = ReportingYears.of(start);
      if (year <= years[0] || year >= years[1]) {
        throw reader.error(
            where + ".start",
            String.format(
                Locale.ROOT,
                "pilot %s goes live in reporting year %d, which leaves no pre or no post years"
                    + " within reporting_years %d-%d",
                la,
                year,
                years[0],
                years[1]));
      }
      String group = reader.text(pilot, where + ".group", false).orElse("");
      pilots.add(new PilotSpec(la, start, group));
    }

    JsonNode comparisonNode = root.get("comparison");
    if (comparisonNode == null || !comparisonNode.isObject()) {
      throw reader.error("comparison", "give comparison.method (statistical_neighbours or list)");
    }
    reader.onlyKnownKeys(
        comparisonNode,
        Set.of("method", "neighbours_model", "authorities", "use_predecessors"),
        "comparison");
    String methodText = reader.text(comparisonNode, "comparison.method", true).orElseThrow();
    ComparisonMethod method =
        switch (methodText) {
          case "statistical_neighbours" -> ComparisonMethod.STATISTICAL_NEIGHBOURS;
          case "list" -> ComparisonMethod.LIST;
          default ->
              throw reader.error(
                  "comparison.method",
                  "'" + methodText + "' is not statistical_neighbours or list");
        };
    String model = reader.text(comparisonNode, "comparison.neighbours_model", false).orElse("2021");
    if (!model.equals("2021") && !model.equals("2025")) {
      throw reader.error("comparison.neighbours_model", "'" + model + "' is not 2021 or 2025");
    }
    List<String> authorities = new ArrayList<>();
    JsonNode list = comparisonNode.get("authorities");
    if (list != null && !list.isNull()) {
      if (!list.isArray()) {
        throw reader.error("comparison.authorities", "give a list of LA codes");
      }
      if (method == ComparisonMethod.STATISTICAL_NEIGHBOURS && !list.isEmpty()) {
        // the list would be ignored: say so rather than compare with other LAs than the user chose
        throw reader.error(
            "comparison.authorities",
            "authorities are used only with method: list, and method is statistical_neighbours;"
                + " set method: list to compare with these LAs, or remove authorities");
      }
      for (int i = 0; i < list.size(); i++) {
        String where = "comparison.authorities[" + i + "]";
        String la = reader.codeOf(list.get(i), where);
        if (seen.contains(la)) {
          // a pilot is never its own comparator; silently dropping it would hide a wrong list
          throw reader.error(
              where,
              "LA "
                  + la
                  + " is a pilot; a pilot cannot also be a comparison LA. Remove it from the list");
        }
        if (authorities.contains(la)) {
          throw reader.error(where, "LA " + la + " is listed twice");
        }
        authorities.add(la);
      }
    }
    if (method == ComparisonMethod.LIST && authorities.isEmpty()) {
      throw reader.error("comparison.authorities", "method list needs at least one LA code");
    }
    boolean predecessors = reader.bool(comparisonNode, "comparison.use_predecessors", false);

    boolean exclude = reader.bool(root, "exclude_implementation_year", true);

    List<String> outcomes = new ArrayList<>();
    JsonNode outcomeNodes = root.get("outcomes");
    if (outcomeNodes == null || !outcomeNodes.isArray() || outcomeNodes.isEmpty()) {
      throw reader.error("outcomes", "give at least one outcome column, e.g. [icpc_rate]");
    }
    for (int i = 0; i < outcomeNodes.size(); i++) {
      String where = "outcomes[" + i + "]";
      JsonNode outcome = outcomeNodes.get(i);
      String column = outcome.isValueNode() ? outcome.asText().trim() : "";
      if (!column.matches("[a-z][a-z0-9_]*")) {
        throw reader.error(where, "'" + column + "' is not a snake_case column name");
      }
      if (outcomes.contains(column)) {
        throw reader.error(where, "outcome " + column + " is listed twice");
      }
      outcomes.add(column);
    }

    JsonNode sourcesNode = root.get("sources");
    if (sourcesNode == null || !sourcesNode.isObject()) {
      throw reader.error("sources", "give at least one of sources.deposits, public, panel");
    }
    reader.onlyKnownKeys(sourcesNode, Set.of("deposits", "public", "panel"), "sources");
    Sources sources =
        new Sources(
            reader.path(sourcesNode, "sources.deposits", base),
            reader.path(sourcesNode, "sources.public", base),
            reader.path(sourcesNode, "sources.panel", base));
    if (sources.deposits().isEmpty()
        && sources.publicDir().isEmpty()
        && sources.panel().isEmpty()) {
      throw reader.error("sources", "give at least one of sources.deposits, public, panel");
    }

    int draws = 9_999;
    long seed = 20141001L;
    JsonNode bootstrap = root.get("bootstrap");
    if (bootstrap != null && !bootstrap.isNull()) {
      reader.onlyKnownKeys(bootstrap, Set.of("draws", "seed"), "bootstrap");
      draws = (int) reader.number(bootstrap, "bootstrap.draws", draws, 99, 1_000_000);
      seed = reader.number(bootstrap, "bootstrap.seed", seed, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    String disclosure = "dfe";
    Optional<Path> keyFile = Optional.empty();
    JsonNode privacy = root.get("privacy");
    if (privacy != null && !privacy.isNull()) {
      reader.onlyKnownKeys(privacy, Set.of("key_file", "disclosure"), "privacy");
      keyFile = reader.path(privacy, "privacy.key_file", base);
      disclosure = reader.text(privacy, "privacy.disclosure", false).orElse("dfe");
      if (!disclosure.equals("dfe") && !disclosure.equals("ons-10-5")) {
        throw reader.error("privacy.disclosure", "'" + disclosure + "' is not dfe or ons-10-5");
      }
    }
    Optional<Path> cmo = reader.path(root, "cmo", base);
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

  /**
   * A usage error about {@code field} of this config (e.g. {@code outcomes[2]}), built as the
   * loader's are: the file, the field, its line, the cause and the fix.
   */
  public PipelineException invalid(String field, String cause) {
    YamlLines lines;
    try {
      lines = YamlLines.of(Files.readString(file));
    } catch (IOException e) {
      lines = YamlLines.none();
    }
    return new Reader(file, lines).error(field, cause);
  }

  /** The disclosure rules of {@code privacy.disclosure}: {@code dfe} or {@code ons-10-5}. */
  public DisclosureProfile disclosureProfile() {
    return disclosure.equals("ons-10-5") ? DisclosureProfile.ons10And5() : DisclosureProfile.dfe();
  }

  /** Reads typed fields with errors that name the file, the field and its line. */
  private record Reader(Path file, YamlLines lines) {
    /** {@code field} is the dotted path of the value, e.g. {@code bootstrap.seed}. */
    PipelineException error(String field, String cause) {
      return PipelineErrors.usage(
          "Invalid evaluation config " + file + " at " + field + lines.at(field),
          cause,
          "Correct the config (see docs/evaluate.md) and run again");
    }

    private static String key(String field) {
      return field.substring(field.lastIndexOf('.') + 1);
    }

    void onlyKnownKeys(JsonNode node, Set<String> known, String where) {
      if (!node.isObject()) {
        throw error(
            where.isEmpty() ? "(top level)" : where, "expected a mapping of keys to values");
      }
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String key = names.next();
        if (!known.contains(key)) {
          throw error(
              where.isEmpty() ? key : where + "." + key,
              "unknown key '" + key + "'; known keys are " + new TreeSet<>(known));
        }
      }
    }

    Optional<String> text(JsonNode node, String field, boolean required) {
      JsonNode value = node.get(key(field));
      if (value != null && value.isContainerNode()) {
        throw error(
            field, "expected a single value, not a " + (value.isArray() ? "list" : "mapping"));
      }
      if (value == null || value.isNull() || value.asText().isBlank()) {
        if (required) {
          throw error(field, "missing");
        }
        return Optional.empty();
      }
      return Optional.of(value.asText().trim());
    }

    int[] yearRange(JsonNode node, String field) {
      JsonNode value = node.get(key(field));
      if (value != null && value.isContainerNode()) {
        throw error(field, "give the first and last reporting years as one range, e.g. 2012-2019");
      }
      String text = text(node, field, true).orElseThrow();
      String[] parts = text.split("-");
      int first;
      int last;
      try {
        first = Integer.parseInt(parts[0].trim());
        last = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : -1;
      } catch (NumberFormatException e) {
        first = -1;
        last = -1;
      }
      if (parts.length != 2 || first < 2000 || last > 2100 || first < 0 || last < 0) {
        throw error(field, "'" + text + "' is not a range of reporting years such as 2012-2019");
      }
      if (first >= last) {
        throw error(
            field,
            "'"
                + text
                + "' does not run forwards over at least two years; give the first year, then the"
                + " last, e.g. 2012-2019");
      }
      return new int[] {first, last};
    }

    String laCode(JsonNode node, String field) {
      JsonNode value = node.get(key(field));
      if (value == null || value.isNull()) {
        throw error(field, "missing");
      }
      return codeOf(value, field);
    }

    String codeOf(JsonNode value, String field) {
      String text = value.isValueNode() ? value.asText().trim() : "";
      if (!text.matches("\\d{3}|E\\d{8}")) {
        throw error(field, "'" + text + "' is not a 3-digit DfE LA code (or E-code)");
      }
      // an LA is known by its DfE code, which a GSS-only change (Buckinghamshire 2021) keeps
      return LaCrosswalk.byNewCode(text).map(LaCodeEntry::oldLaCode).orElse(text);
    }

    LocalDate date(JsonNode node, String field) {
      String text = text(node, field, false).orElse(null);
      if (text == null) {
        throw error(field, "missing");
      }
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        throw error(field, "'" + text + "' is not a date yyyy-mm-dd");
      }
    }

    boolean bool(JsonNode node, String field, boolean fallback) {
      JsonNode value = node.get(key(field));
      if (value == null || value.isNull()) {
        return fallback;
      }
      if (!value.isBoolean()) {
        throw error(field, "'" + value.asText() + "' is not true or false");
      }
      return value.asBoolean();
    }

    long number(JsonNode node, String field, long fallback, long minimum, long maximum) {
      JsonNode value = node.get(key(field));
      if (value == null || value.isNull()) {
        return fallback;
      }
      if (!value.isIntegralNumber()
          || !value.canConvertToLong()
          || value.asLong() < minimum
          || value.asLong() > maximum) {
        throw error(
            field,
            "'"
                + value.asText()
                + "' is not a whole number"
                + (minimum == Long.MIN_VALUE
                    ? ""
                    : String.format(Locale.ROOT, " from %,d to %,d", minimum, maximum)));
      }
      return value.asLong();
    }

    Optional<Path> path(JsonNode node, String field, Path base) {
      return text(node, field, false).map(text -> base.resolve(text).normalize());
    }
  }
}
