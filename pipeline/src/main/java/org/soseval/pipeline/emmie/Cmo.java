package org.soseval.pipeline.emmie;

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
import java.util.Set;
import org.soseval.pipeline.PipelineErrors;

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

  /** Reads a CMO file; every problem is a usage error naming the file and configuration. */
  public static List<Cmo> load(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
    } catch (IOException e) {
      throw PipelineErrors.usage(
          "Cannot read the CMO file " + file,
          String.valueOf(e.getMessage()).lines().findFirst().orElse("unreadable"),
          "Check the path and that the file is YAML (see data-schemas/instruments/cmo.yaml)");
    }
    JsonNode list = root == null ? null : root.get("configurations");
    if (list == null || !list.isArray()) {
      throw error(file, "(top level)", "give a list under 'configurations'");
    }
    List<Cmo> cmos = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode node = list.get(i);
      String where = "configurations[" + i + "]";
      String id = text(file, node, "id", where);
      if (ids.contains(id)) {
        throw error(file, where, "id " + id + " is used twice");
      }
      ids.add(id);
      String status = node.path("status").asText("candidate");
      if (!STATUSES.contains(status)) {
        throw error(file, where + ".status", "'" + status + "' is not one of " + STATUSES);
      }
      List<Map<String, String>> evidence = new ArrayList<>();
      for (JsonNode source : node.path("evidence")) {
        Map<String, String> entry = new LinkedHashMap<>();
        source
            .fields()
            .forEachRemaining(field -> entry.put(field.getKey(), field.getValue().asText()));
        evidence.add(entry);
      }
      cmos.add(
          new Cmo(
              id,
              text(file, node, "context", where),
              text(file, node, "mechanism_resource", where),
              text(file, node, "mechanism_response", where),
              text(file, node, "outcome", where),
              strings(node.path("outcomes")),
              strings(node.path("indicators")),
              evidence,
              node.path("confidence").asText(""),
              status));
    }
    return cmos;
  }

  private static List<String> strings(JsonNode node) {
    List<String> values = new ArrayList<>();
    node.forEach(value -> values.add(value.asText()));
    return values;
  }

  private static String text(Path file, JsonNode node, String key, String where) {
    JsonNode value = node.get(key);
    if (value == null || value.asText().isBlank()) {
      throw error(file, where + "." + key, "missing");
    }
    return value.asText().trim();
  }

  private static RuntimeException error(Path file, String field, String cause) {
    return PipelineErrors.usage(
        "Invalid CMO file " + file + " at " + field,
        cause,
        "Correct it (format: data-schemas/instruments/cmo.yaml)");
  }
}
