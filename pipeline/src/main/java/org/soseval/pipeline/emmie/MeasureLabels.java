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
 * What a reader sees for a measure behind an EMMIE rating (emmie.csv and emmie.json keep the name):
 * the label in {@code data-schemas/emmie/measures.yaml}, or for the two families named from their
 * parts, the scale of a mechanism indicator ({@code r_<survey>.<scale>}) and the group of a
 * moderator subgroup ({@code group <label>}).
 */
public final class MeasureLabels {
  static final String RESOURCE = "schemas/emmie/measures.yaml";
  private static final Map<String, String> LABELS = load();

  private MeasureLabels() {}

  /** The label of {@code measure}; the name itself when neither the file nor a family knows it. */
  public static String label(String measure) {
    String label = LABELS.get(measure);
    if (label != null) {
      return label;
    }
    if (measure.startsWith("r_")) {
      return "Correlation of the pilots' effects with the "
          + Emmie.scaleName(measure.substring("r_".length()));
    }
    if (measure.startsWith("group ")) {
      return "Pooled effect in pilots of group '" + measure.substring("group ".length()) + "'";
    }
    return measure;
  }

  private static Map<String, String> load() {
    try (InputStream in = MeasureLabels.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the class path");
      }
      return new ObjectMapper(new YAMLFactory())
          .readValue(in, new TypeReference<LinkedHashMap<String, String>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }
}
