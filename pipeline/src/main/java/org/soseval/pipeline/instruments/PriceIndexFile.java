package org.soseval.pipeline.instruments;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.soseval.pipeline.stats.economics.PriceIndex;

/**
 * The price index costs are uprated with, and where it comes from: {@code
 * data-schemas/instruments/price_index.yaml} (packaged as {@code schemas/instruments/}). An index
 * is {@code illustrative} (not an official series: outputs say so) or {@code published}, which
 * needs its source, release date and URL.
 */
public record PriceIndexFile(
    PriceIndex index, boolean illustrative, String source, String release, String url) {
  static final String RESOURCE = "schemas/instruments/price_index.yaml";

  /** The longest name: EES labels (at most 100 characters) carry it after the price year. */
  static final int MAX_NAME = 45;

  private static final PriceIndexFile SHIPPED = load(RESOURCE);

  public PriceIndexFile {
    Objects.requireNonNull(index, "index is null");
    Objects.requireNonNull(source, "source is null");
    Objects.requireNonNull(release, "release is null");
    Objects.requireNonNull(url, "url is null");
  }

  private record File(
      @JsonProperty(value = "name", required = true) String name,
      @JsonProperty(value = "status", required = true) String status,
      @JsonProperty("source") String source,
      @JsonProperty("release") String release,
      @JsonProperty("url") String url,
      @JsonProperty(value = "values", required = true) Map<Integer, Double> values) {}

  /** The index shipped with the schemas. */
  public static PriceIndexFile shipped() {
    return SHIPPED;
  }

  static PriceIndexFile load(String resource) {
    ObjectMapper yaml =
        new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    File file;
    try (InputStream in = PriceIndexFile.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the class path");
      }
      file = yaml.readValue(in, File.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource + ": " + e.getMessage(), e);
    }
    String source = Objects.requireNonNullElse(file.source(), "");
    String release = Objects.requireNonNullElse(file.release(), "");
    String url = Objects.requireNonNullElse(file.url(), "");
    boolean illustrative =
        switch (file.status()) {
          case "illustrative" -> true;
          case "published" -> false;
          default ->
              throw new IllegalStateException(
                  resource + ": status must be illustrative or published, not " + file.status());
        };
    if (file.name().length() > MAX_NAME) {
      throw new IllegalStateException(
          resource + ": the name is shown in table labels, so at most " + MAX_NAME + " characters");
    }
    if (illustrative && !file.name().toLowerCase(Locale.ROOT).contains("illustrative")) {
      throw new IllegalStateException(
          resource + ": an illustrative index must say so in its name, which outputs show");
    }
    if (!illustrative) {
      if (source.isBlank() || url.isBlank()) {
        throw new IllegalStateException(
            resource + ": a published index needs its source and url (the release's page)");
      }
      try {
        LocalDate.parse(release);
      } catch (DateTimeParseException e) {
        throw new IllegalStateException(
            resource + ": a published index needs the release's date (yyyy-mm-dd)", e);
      }
    }
    return new PriceIndexFile(
        PriceIndex.of(file.name(), file.values()), illustrative, source, release, url);
  }
}
