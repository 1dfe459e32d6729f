package org.soseval.pipeline.emmie;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The wording of the EMMIE-Q quality levels 0-4 per dimension, from {@code
 * data-schemas/emmie/quality_levels.yaml}, so it can be corrected without code.
 */
public final class QualityLevels {
  static final String RESOURCE = "schemas/emmie/quality_levels.yaml";
  private static final Map<String, Map<Integer, String>> LEVELS = load();

  private QualityLevels() {}

  /** The label of {@code level} in {@code dimension} (effect, mechanisms, ...). */
  public static String label(String dimension, int level) {
    Map<Integer, String> levels = LEVELS.get(dimension);
    if (levels == null || !levels.containsKey(level)) {
      throw new IllegalStateException(RESOURCE + " has no level " + level + " for " + dimension);
    }
    return levels.get(level);
  }

  private static Map<String, Map<Integer, String>> load() {
    try (InputStream in = QualityLevels.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the class path");
      }
      Map<String, Map<Integer, String>> levels =
          new ObjectMapper(new YAMLFactory())
              .readValue(in, new TypeReference<LinkedHashMap<String, Map<Integer, String>>>() {});
      for (String dimension : Emmie.DIMENSIONS) {
        for (int level = 0; level <= 4; level++) {
          if (levels.get(dimension) == null || !levels.get(dimension).containsKey(level)) {
            throw new IllegalStateException(
                RESOURCE + " lacks level " + level + " of " + dimension);
          }
        }
      }
      return levels;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }
}
