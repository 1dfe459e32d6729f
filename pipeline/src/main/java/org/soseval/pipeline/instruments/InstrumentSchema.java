package org.soseval.pipeline.instruments;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The layout of one evaluation instrument's CSV, read from {@code
 * data-schemas/instruments/<name>.yaml} (packaged under {@code schemas/instruments/}): its columns
 * with type and rules, the key that makes a row unique, the column whose date (or year) places a
 * row in a lake partition ({@code year_from}), code lists, and the item catalogue (survey items,
 * audit criteria, implementation elements or training courses).
 */
public record InstrumentSchema(
    String instrument,
    String title,
    int version,
    List<Column> columns,
    List<String> key,
    String yearFrom,
    List<String> rules,
    Map<String, List<Code>> codes,
    List<Scale> scales,
    List<Item> items) {

  public static final String FAMILY_SURVEY = "family_survey";
  public static final String PRACTITIONER_SURVEY = "practitioner_survey";
  public static final String CASE_AUDIT = "case_audit";
  public static final String IMPLEMENTATION_RATING = "implementation_rating";
  public static final String TRAINING = "training";
  public static final String COSTS = "costs";
  public static final String CASELOAD = "caseload";

  /** Every instrument, in the order files are recognised and reported. */
  public static final List<String> ALL =
      List.of(
          FAMILY_SURVEY,
          PRACTITIONER_SURVEY,
          CASE_AUDIT,
          IMPLEMENTATION_RATING,
          TRAINING,
          COSTS,
          CASELOAD);

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final Map<String, InstrumentSchema> LOADED = loadAll();

  /** Column types; {@code identifier} values are pseudonymised, {@code item} is a catalogue id. */
  public enum Type {
    LA_CODE,
    STRING,
    IDENTIFIER,
    DATE,
    INTEGER,
    NUMBER,
    CODE,
    ITEM
  }

  /**
   * A column.
   *
   * @param pseudonym for an identifier, the namespace of its pseudonym ({@code child} links to the
   *     statutory returns' {@code child_key}; see {@code privacy.Pseudonymiser#local})
   */
  public record Column(
      @JsonProperty(value = "name", required = true) String name,
      @JsonProperty(value = "type", required = true) String type,
      @JsonProperty("pseudonym") String pseudonym,
      @JsonProperty("required") boolean required,
      @JsonProperty("codes") String codes,
      @JsonProperty("min") Double min,
      @JsonProperty("max") Double max) {
    public Column {
      Objects.requireNonNull(name, "name is null");
      Objects.requireNonNull(type, "type is null");
    }

    public Type kind() {
      return Type.valueOf(type.toUpperCase(java.util.Locale.ROOT));
    }

    /** The lake's name for the column: an identifier {@code x_id} becomes {@code x_key}. */
    public String lakeName() {
      return kind() == Type.IDENTIFIER ? name.replaceFirst("_id$", "") + "_key" : name;
    }
  }

  public record Code(
      @JsonProperty(value = "code", required = true) String code,
      @JsonProperty(value = "label", required = true) String label) {}

  public record Scale(
      @JsonProperty(value = "id", required = true) String id,
      @JsonProperty(value = "label", required = true) String label,
      @JsonProperty("mechanism") boolean mechanism) {}

  /**
   * A catalogue entry: a survey item, audit criterion, implementation element or course.
   *
   * @param scale survey scale (domain) the item belongs to
   * @param group audit criterion group: {@code mapping} or {@code safety_plan}
   * @param polarity {@code positive} or {@code negative} (survey items; negative are
   *     reverse-scored)
   * @param fromVersion first audit tool version with the criterion
   * @param toVersion last audit tool version with the criterion; absent = still current
   * @param core the training course whose reach EMMIE reports
   */
  public record Item(
      @JsonProperty(value = "id", required = true) String id,
      @JsonProperty(value = "label", required = true) String label,
      @JsonProperty("scale") String scale,
      @JsonProperty("group") String group,
      @JsonProperty("polarity") String polarity,
      @JsonProperty("from_version") Integer fromVersion,
      @JsonProperty("to_version") Integer toVersion,
      @JsonProperty("core") boolean core) {
    public boolean negative() {
      return "negative".equals(polarity);
    }

    public boolean inVersion(int version) {
      return (fromVersion == null || version >= fromVersion)
          && (toVersion == null || version <= toVersion);
    }
  }

  private record File(
      @JsonProperty(value = "instrument", required = true) String instrument,
      @JsonProperty(value = "title", required = true) String title,
      @JsonProperty(value = "version", required = true) int version,
      @JsonProperty(value = "columns", required = true) List<Column> columns,
      @JsonProperty(value = "key", required = true) List<String> key,
      @JsonProperty(value = "year_from", required = true) String yearFrom,
      @JsonProperty("rules") List<String> rules,
      @JsonProperty("codes") LinkedHashMap<String, List<Code>> codes,
      @JsonProperty("scales") List<Scale> scales,
      @JsonProperty("items") List<Item> items) {}

  public InstrumentSchema {
    columns = List.copyOf(columns);
    key = List.copyOf(key);
    rules = List.copyOf(rules);
    codes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(codes));
    scales = List.copyOf(scales);
    items = List.copyOf(items);
  }

  /** The schema of an instrument by name. */
  public static InstrumentSchema of(String instrument) {
    InstrumentSchema schema = LOADED.get(instrument);
    if (schema == null) {
      throw new IllegalArgumentException(
          "Unknown instrument " + instrument + ": known instruments are " + ALL);
    }
    return schema;
  }

  /** Every instrument schema, in {@link #ALL} order. */
  public static List<InstrumentSchema> all() {
    return List.copyOf(LOADED.values());
  }

  public List<String> columnNames() {
    return columns.stream().map(Column::name).toList();
  }

  public Set<String> requiredColumns() {
    Set<String> required = new LinkedHashSet<>();
    columns.stream().filter(Column::required).forEach(column -> required.add(column.name()));
    return required;
  }

  /** The values of the key columns of a row, as one string (for finding repeated keys). */
  public String keyOf(Map<String, String> values) {
    StringBuilder text = new StringBuilder();
    key.forEach(column -> text.append(values.getOrDefault(column, "")).append('\u0000'));
    return text.toString();
  }

  /** A row's values keyed by lake column name (identifiers {@code x_id} as {@code x_key}). */
  public Map<String, String> lakeValues(Map<String, String> values) {
    Map<String, String> lake = new LinkedHashMap<>();
    columns.forEach(column -> lake.put(column.lakeName(), values.getOrDefault(column.name(), "")));
    return lake;
  }

  /** The column named {@code name}. */
  public Column column(String name) {
    return columns.stream()
        .filter(column -> column.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(instrument + " has no column " + name));
  }

  public Optional<Item> item(String id) {
    return items.stream().filter(item -> item.id().equals(id)).findFirst();
  }

  /** Items of a survey scale, in catalogue order. */
  public List<Item> itemsOfScale(String scale) {
    return items.stream().filter(item -> scale.equals(item.scale())).toList();
  }

  /** The label of a code in a code list, or the code itself. */
  public String codeLabel(String list, String code) {
    return codes.getOrDefault(list, List.of()).stream()
        .filter(entry -> entry.code().equals(code))
        .map(Code::label)
        .findFirst()
        .orElse(code);
  }

  private static Map<String, InstrumentSchema> loadAll() {
    Map<String, InstrumentSchema> schemas = new LinkedHashMap<>();
    for (String name : ALL) {
      String resource = "schemas/instruments/" + name + ".yaml";
      try (InputStream in = InstrumentSchema.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException(
              "schema " + resource + " is not on the class path: rebuild with mvn package");
        }
        File file = YAML.readValue(in, File.class);
        if (!file.instrument().equals(name)) {
          throw new IllegalStateException(resource + " names instrument " + file.instrument());
        }
        InstrumentSchema schema =
            new InstrumentSchema(
                file.instrument(),
                file.title(),
                file.version(),
                file.columns(),
                file.key(),
                file.yearFrom(),
                file.rules() == null ? List.of() : file.rules(),
                file.codes() == null ? new LinkedHashMap<>() : file.codes(),
                file.scales() == null ? List.of() : file.scales(),
                file.items() == null ? List.of() : file.items());
        schema.check(resource);
        schemas.put(name, schema);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read schema " + resource + ": " + e.getMessage(), e);
      }
    }
    return schemas;
  }

  private void check(String resource) {
    List<String> names = columnNames();
    for (String column : key) {
      if (!names.contains(column)) {
        throw new IllegalStateException(resource + ": key column " + column + " is not a column");
      }
    }
    if (!names.contains(yearFrom)
        || !column(yearFrom).required()
        || (column(yearFrom).kind() != Type.DATE && column(yearFrom).kind() != Type.INTEGER)) {
      throw new IllegalStateException(
          resource + ": year_from " + yearFrom + " must be a required date or integer column");
    }
    List<String> ids = new ArrayList<>();
    for (Column column : columns) {
      column.kind();
      if ((column.kind() == Type.IDENTIFIER) != (column.pseudonym() != null)) {
        throw new IllegalStateException(
            resource
                + ": column "
                + column.name()
                + " needs a pseudonym namespace if, and only"
                + " if, it is an identifier");
      }
      if (column.kind() == Type.CODE && !codes.containsKey(column.codes())) {
        throw new IllegalStateException(
            resource + ": column " + column.name() + " uses unknown code list " + column.codes());
      }
    }
    for (Item item : items) {
      if (ids.contains(item.id())) {
        throw new IllegalStateException(resource + ": item " + item.id() + " is listed twice");
      }
      ids.add(item.id());
      if (item.scale() != null && scales.stream().noneMatch(s -> s.id().equals(item.scale()))) {
        throw new IllegalStateException(
            resource + ": item " + item.id() + " has unknown scale " + item.scale());
      }
    }
  }
}
