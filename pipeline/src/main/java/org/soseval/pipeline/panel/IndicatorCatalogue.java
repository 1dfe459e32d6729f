package org.soseval.pipeline.panel;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.soseval.pipeline.stats.compare.Polarity;

/**
 * The indicator catalogue, {@code data-schemas/indicators.yaml}: label, grouping, kind, numerator
 * and denominator, polarity and definition of every {@link Indicator}. Loaded once; an indicator
 * missing from the file, or an entry no indicator has, is an error at start-up.
 */
public final class IndicatorCatalogue {
  private static final String RESOURCE = "schemas/indicators.yaml";
  private static final Map<String, Entry> ENTRIES = load();

  private IndicatorCatalogue() {}

  /** One indicator's catalogue entry. */
  public record Entry(
      String column,
      Indicator.Kind kind,
      String label,
      String grouping,
      Optional<String> numerator,
      Optional<String> denominator,
      Optional<String> base,
      Polarity polarity,
      String definition) {}

  static Entry entry(String column) {
    Entry entry = ENTRIES.get(column);
    if (entry == null) {
      throw new IllegalStateException(RESOURCE + " has no entry for " + column);
    }
    return entry;
  }

  private record FileEntry(
      @JsonProperty(value = "column", required = true) String column,
      @JsonProperty(value = "kind", required = true) String kind,
      @JsonProperty(value = "label", required = true) String label,
      @JsonProperty(value = "grouping", required = true) String grouping,
      @JsonProperty("numerator") String numerator,
      @JsonProperty("denominator") String denominator,
      @JsonProperty("base") String base,
      @JsonProperty(value = "polarity", required = true) String polarity,
      @JsonProperty(value = "definition", required = true) String definition) {}

  private record CatalogueFile(@JsonProperty("indicators") List<FileEntry> indicators) {}

  private static Map<String, Entry> load() {
    ObjectMapper yaml =
        new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    CatalogueFile file;
    try (InputStream in = IndicatorCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the class path");
      }
      file = yaml.readValue(in, CatalogueFile.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE + ": " + e.getMessage(), e);
    }
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (FileEntry raw : file.indicators()) {
      Polarity polarity =
          switch (raw.polarity()) {
            case "higher_is_better" -> Polarity.HIGHER_IS_BETTER;
            case "lower_is_better" -> Polarity.LOWER_IS_BETTER;
            case "none" -> Polarity.NO_POLARITY;
            default ->
                throw new IllegalStateException(
                    RESOURCE
                        + ": polarity of "
                        + raw.column()
                        + " is not higher_is_better,"
                        + " lower_is_better or none: "
                        + raw.polarity());
          };
      entries.put(
          raw.column(),
          new Entry(
              raw.column(),
              Indicator.Kind.valueOf(raw.kind().toUpperCase(Locale.ROOT)),
              raw.label(),
              raw.grouping(),
              Optional.ofNullable(raw.numerator()),
              Optional.ofNullable(raw.denominator()),
              Optional.ofNullable(raw.base()),
              polarity,
              raw.definition()));
    }
    return entries;
  }

  /** The columns of the file, in file order. */
  public static List<String> columns() {
    return List.copyOf(ENTRIES.keySet());
  }
}
