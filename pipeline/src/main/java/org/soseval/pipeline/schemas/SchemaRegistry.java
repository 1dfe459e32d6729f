package org.soseval.pipeline.schemas;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads the schemas in {@code data-schemas/}, which the build packages under {@code schemas/} on
 * the class path. The schema files are the single definition of every return's layout.
 */
public final class SchemaRegistry {
  public static final String CIN_CENSUS = "cin_census";
  public static final String SSDA903 = "ssda903";

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private SchemaRegistry() {}

  /** The CIN census XML schema. */
  public static XmlSchema cinCensus() {
    SchemaFile file = read(CIN_CENSUS);
    if (file.elements() == null || file.elements().size() != 1) {
      throw new IllegalStateException("schema cin_census must have exactly one root element");
    }
    return new XmlSchema(
        file.dataset(), file.title(), file.years().range(), file.elements().get(0), file.lists());
  }

  /** The SSDA903 CSV schema. */
  public static CsvSchema ssda903() {
    SchemaFile file = read(SSDA903);
    return new CsvSchema(
        file.dataset(),
        file.title(),
        file.years().range(),
        file.tables(),
        file.lists(),
        Optional.ofNullable(file.xml()));
  }

  /** The ingest settings of {@code dataset} ({@link #CIN_CENSUS} or {@link #SSDA903}). */
  public static IngestSpec ingestSpec(String dataset) {
    SchemaFile file = read(dataset);
    if (file.childId() == null || file.directIdentifiers() == null || file.rules() == null) {
      throw new IllegalStateException(
          "schema " + dataset + " must have child_id, direct_identifiers and rules for ingest");
    }
    Map<String, IngestSpec.RuleSpec> rules = new LinkedHashMap<>();
    for (IngestSpec.RuleSpec rule : file.rules()) {
      if (rules.put(rule.id(), rule) != null) {
        throw new IllegalStateException("schema " + dataset + " repeats rule " + rule.id());
      }
    }
    return new IngestSpec(
        file.dataset(),
        file.childId(),
        file.keys() == null ? Map.of() : file.keys(),
        file.futureDatesAllowed() == null ? Set.of() : Set.copyOf(file.futureDatesAllowed()),
        file.eventDates() == null ? Set.of() : Set.copyOf(file.eventDates()),
        Set.copyOf(file.directIdentifiers().names()),
        file.directIdentifiers().stems() == null ? List.of() : file.directIdentifiers().stems(),
        rules);
  }

  private static SchemaFile read(String dataset) {
    String resource = "schemas/" + dataset + ".yaml";
    try (InputStream in = SchemaRegistry.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "schema " + resource + " is not on the class path: rebuild with mvn package");
      }
      return YAML.readValue(in, SchemaFile.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read schema " + resource + ": " + e.getMessage(), e);
    }
  }

  @JsonIgnoreProperties({"format"})
  private record SchemaFile(
      @JsonProperty(value = "dataset", required = true) String dataset,
      @JsonProperty("title") String title,
      @JsonProperty(value = "years", required = true) Years years,
      @JsonProperty("elements") List<XmlElement> elements,
      @JsonProperty("tables") List<CsvTable> tables,
      @JsonProperty("xml") CsvSchema.XmlLayout xml,
      @JsonProperty("code_lists") LinkedHashMap<String, List<Code>> codeLists,
      @JsonProperty("child_id") String childId,
      @JsonProperty("keys") LinkedHashMap<String, IngestSpec.KeySpec> keys,
      @JsonProperty("future_dates_allowed") List<String> futureDatesAllowed,
      @JsonProperty("event_dates") List<String> eventDates,
      @JsonProperty("direct_identifiers") DirectIdentifiers directIdentifiers,
      @JsonProperty("rules") List<IngestSpec.RuleSpec> rules) {

    Map<String, CodeList> lists() {
      Map<String, CodeList> lists = new LinkedHashMap<>();
      if (codeLists != null) {
        codeLists.forEach((name, codes) -> lists.put(name, new CodeList(name, codes)));
      }
      return lists;
    }
  }

  private record DirectIdentifiers(
      @JsonProperty(value = "names", required = true) List<String> names,
      @JsonProperty("stems") List<String> stems) {}

  private record Years(
      @JsonProperty(value = "from", required = true) int from,
      @JsonProperty(value = "to", required = true) int to) {
    YearRange range() {
      return new YearRange(from, to);
    }
  }
}
