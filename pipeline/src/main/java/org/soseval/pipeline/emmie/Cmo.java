package org.soseval.pipeline.emmie;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.soseval.pipeline.PipelineErrors;
import org.soseval.pipeline.instruments.InstrumentSchema;
import org.soseval.pipeline.schemas.YamlLines;

/**
 * A realist context-mechanism-outcome configuration (methods.md 1.5; format in {@code
 * data-schemas/instruments/cmo.yaml}).
 *
 * @param outcomes outcome columns it bears on; empty = every outcome
 * @param indicators survey scales that measure its mechanism, as {@code survey.scale}
 * @param evidence each source as {@code {source, type, note}}
 * @param confidence 0-4 or high/moderate/low, as given
 */
public record Cmo(
    String id,
    String context,
    String mechanismResource,
    String mechanismResponse,
    String outcome,
    List<String> outcomes,
    List<String> indicators,
    List<Map<String, String>> evidence,
    String confidence,
    String status) {
  private static final Set<String> STATUSES = Set.of("candidate", "refined", "refuted");

  public Cmo {
    Objects.requireNonNull(id, "id is null");
    outcomes = List.copyOf(outcomes);
    indicators = List.copyOf(indicators);
    evidence = List.copyOf(evidence);
  }

  public boolean bearsOn(String column) {
    return outcomes.isEmpty() || outcomes.contains(column);
  }

  /**
   * Reads a CMO file; every problem is a usage error naming the file, the configuration, the field
   * and its line. Unknown keys are refused: a misspelt {@code outcomes} would otherwise make the
   * configuration bear on every outcome.
   */
  public static List<Cmo> load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw PipelineErrors.usage(
          "Cannot read the CMO file " + file,
          "the file does not exist",
          "Check the path in the config's cmo: (relative paths start at the config's folder)");
    }
    String text;
    JsonNode root;
    try {
      text = Files.readString(file);
      root = new ObjectMapper(new YAMLFactory()).readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw PipelineErrors.usage(
          "Cannot read the CMO file "
              + file
              + (at != null && at.getLineNr() > 0 ? " (line " + at.getLineNr() + ")" : ""),
          e.getOriginalMessage().lines().findFirst().orElse("not YAML"),
          "Correct the YAML there (format: data-schemas/instruments/cmo.yaml)",
          e);
    } catch (IOException e) {
      throw PipelineErrors.usage(
          "Cannot read the CMO file " + file,
          String.valueOf(e.getMessage()).lines().findFirst().orElse("unreadable"),
          "Check the path and that the file is YAML (see data-schemas/instruments/cmo.yaml)",
          e);
    }
    Fields fields = new Fields(file, YamlLines.of(text));
    if (root == null || !root.isObject()) {
      throw fields.error("(top level)", "give a list under 'configurations'");
    }
    fields.onlyKnownKeys(root, Set.of("configurations"), "");
    JsonNode list = root.get("configurations");
    if (list == null || !list.isArray()) {
      throw fields.error("configurations", "give a list under 'configurations'");
    }
    List<Cmo> cmos = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode node = list.get(i);
      String where = "configurations[" + i + "]";
      fields.onlyKnownKeys(node, KEYS, where);
      String id = fields.text(node, "id", where);
      if (ids.contains(id)) {
        throw fields.error(where + ".id", "id " + id + " is used twice");
      }
      ids.add(id);
      String status = fields.optional(node, "status", where).orElse("candidate");
      if (!STATUSES.contains(status)) {
        throw fields.error(where + ".status", "'" + status + "' is not one of " + STATUSES);
      }
      String confidence = fields.optional(node, "confidence", where).orElse("");
      if (!confidence.isEmpty() && !CONFIDENCE.contains(confidence)) {
        throw fields.error(
            where + ".confidence",
            "'" + confidence + "' is not an EMMIE-Q level 0-4 or one of high, moderate, low");
      }
      List<String> indicators = fields.strings(node, "indicators", where);
      for (int j = 0; j < indicators.size(); j++) {
        fields.checkIndicator(indicators.get(j), where + ".indicators[" + j + "]");
      }
      cmos.add(
          new Cmo(
              id,
              fields.text(node, "context", where),
              fields.text(node, "mechanism_resource", where),
              fields.text(node, "mechanism_response", where),
              fields.text(node, "outcome", where),
              fields.strings(node, "outcomes", where),
              indicators,
              fields.evidence(node, where),
              confidence,
              status));
    }
    return cmos;
  }

  private static final Set<String> KEYS =
      Set.of(
          "id",
          "context",
          "mechanism_resource",
          "mechanism_response",
          "outcome",
          "outcomes",
          "indicators",
          "evidence",
          "confidence",
          "status");
  private static final Set<String> CONFIDENCE =
      Set.of("0", "1", "2", "3", "4", "high", "moderate", "low");
  private static final Set<String> EVIDENCE_TYPES = Set.of("qualitative", "quantitative");
  private static final List<String> SURVEYS =
      List.of(InstrumentSchema.FAMILY_SURVEY, InstrumentSchema.PRACTITIONER_SURVEY);

  /** Reads the fields of a CMO file with errors that name the field and its line. */
  private record Fields(Path file, YamlLines lines) {
    RuntimeException error(String field, String cause) {
      return PipelineErrors.usage(
          "Invalid CMO file " + file + " at " + field + lines.at(field),
          cause,
          "Correct it (format: data-schemas/instruments/cmo.yaml)");
    }

    private static String path(String where, String key) {
      return where.isEmpty() ? key : where + "." + key;
    }

    void onlyKnownKeys(JsonNode node, Set<String> known, String where) {
      if (!node.isObject()) {
        throw error(
            where.isEmpty() ? "(top level)" : where, "expected a mapping of keys to values");
      }
      node.fieldNames()
          .forEachRemaining(
              key -> {
                if (!known.contains(key)) {
                  throw error(
                      path(where, key),
                      "unknown key '" + key + "'; known keys are " + new TreeSet<>(known));
                }
              });
    }

    Optional<String> optional(JsonNode node, String key, String where) {
      JsonNode value = node.get(key);
      if (value != null && value.isContainerNode()) {
        throw error(path(where, key), "expected a single value, not a list or mapping");
      }
      return value == null || value.isNull() || value.asText().isBlank()
          ? Optional.empty()
          : Optional.of(value.asText().trim());
    }

    String text(JsonNode node, String key, String where) {
      return optional(node, key, where).orElseThrow(() -> error(path(where, key), "missing"));
    }

    List<String> strings(JsonNode node, String key, String where) {
      JsonNode value = node.get(key);
      List<String> values = new ArrayList<>();
      if (value == null || value.isNull()) {
        return values;
      }
      if (!value.isArray()) {
        throw error(path(where, key), "give a list, e.g. [icpc_rate]");
      }
      for (int i = 0; i < value.size(); i++) {
        JsonNode entry = value.get(i);
        if (!entry.isValueNode() || entry.asText().isBlank()) {
          throw error(path(where, key) + "[" + i + "]", "give a name, not a list or mapping");
        }
        values.add(entry.asText().trim());
      }
      return values;
    }

    /**
     * A mechanism indicator is a survey scale of the catalogue: {@code family_survey.relationship}.
     */
    void checkIndicator(String indicator, String field) {
      String[] parts = indicator.split("\\.", 2);
      if (parts.length != 2 || !SURVEYS.contains(parts[0])) {
        throw error(
            field, "'" + indicator + "' is not a survey scale such as family_survey.relationship");
      }
      List<String> scales =
          InstrumentSchema.of(parts[0]).scales().stream().map(InstrumentSchema.Scale::id).toList();
      if (!scales.contains(parts[1])) {
        throw error(
            field,
            "the " + parts[0] + " has no scale '" + parts[1] + "'; its scales are " + scales);
      }
    }

    List<Map<String, String>> evidence(JsonNode node, String where) {
      JsonNode value = node.get("evidence");
      List<Map<String, String>> evidence = new ArrayList<>();
      if (value == null || value.isNull()) {
        return evidence;
      }
      if (!value.isArray()) {
        throw error(where + ".evidence", "give a list of {source, type, note}");
      }
      for (int i = 0; i < value.size(); i++) {
        String at = where + ".evidence[" + i + "]";
        JsonNode source = value.get(i);
        onlyKnownKeys(source, Set.of("source", "type", "note"), at);
        text(source, "source", at);
        optional(source, "type", at)
            .filter(type -> !EVIDENCE_TYPES.contains(type))
            .ifPresent(
                type -> {
                  throw error(at + ".type", "'" + type + "' is not one of " + EVIDENCE_TYPES);
                });
        Map<String, String> entry = new LinkedHashMap<>();
        source
            .fields()
            .forEachRemaining(field -> entry.put(field.getKey(), field.getValue().asText()));
        evidence.add(entry);
      }
      return evidence;
    }
  }
}
