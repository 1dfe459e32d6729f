package org.soseval.pipeline.derive;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.soseval.pipeline.PipelineErrors;
import org.soseval.pipeline.Progress;
import org.soseval.pipeline.ingest.Ingest;
import org.soseval.pipeline.lake.LakeTable;
import org.soseval.pipeline.lake.Ledger;
import org.soseval.pipeline.lake.LedgerEntry;
import org.soseval.pipeline.panel.PanelRow;
import org.soseval.pipeline.panel.PopulationEstimates;
import org.soseval.pipeline.panel.QualityFlags;

/**
 * Derives the LA × reporting-year indicators of {@code la_indicators.csv} from the lake
 * (docs/indicators-lake.md).
 *
 * <p>Each child's whole history is brought together once: the four CIN tables the indicators need
 * (episode, assessment, section47, cp_plan) are each read once, reduced to a common shape, and
 * grouped by (LA, child key) in one shuffle; SSDA903 episodes likewise. The calendar logic (which
 * version of a record wins, re-referrals, working days, periods of care) runs per child in plain
 * Java ({@link CinHistory}, {@link CareHistory}) and yields small facts, which Spark counts by LA,
 * year, measure and value. Everything after that is small and runs on the driver ({@link
 * IndicatorTally}).
 */
public final class LakeIndicators {
  static final String CIN_EPISODE = "cin_episode";
  static final String CIN_ASSESSMENT = "cin_assessment";
  static final String CIN_SECTION47 = "cin_section47";
  static final String CIN_CP_PLAN = "cin_cp_plan";
  static final String CARE_EPISODES = "ssda903_episodes";

  /** The columns each dataset must have (style.md 6.2 rule 2). */
  static final Map<String, List<String>> COLUMNS_NEEDED =
      new TreeMap<>(
          Map.of(
              CIN_EPISODE,
              List.of(
                  "collection_year",
                  "child_key",
                  "CINreferralDate",
                  "CINclosureDate",
                  "DateOfInitialCPC",
                  "episode_ordinal"),
              CIN_ASSESSMENT,
              List.of(
                  "collection_year",
                  "child_key",
                  "AssessmentActualStartDate",
                  "AssessmentAuthorisationDate"),
              CIN_SECTION47,
              List.of("collection_year", "child_key", "S47ActualStartDate", "DateOfInitialCPC"),
              CIN_CP_PLAN,
              List.of(
                  "collection_year",
                  "child_key",
                  "CPPstartDate",
                  "CPPendDate",
                  "NumberOfPreviousCPP"),
              CARE_EPISODES,
              List.of("collection_year", "child_key", "DECOM", "RNE", "LS", "DEC", "REC")));

  /** The facts' schema. */
  static final StructType FACT_SCHEMA =
      DataTypes.createStructType(
          List.of(
              DataTypes.createStructField("la", DataTypes.StringType, false),
              DataTypes.createStructField("year", DataTypes.IntegerType, false),
              DataTypes.createStructField("measure", DataTypes.StringType, false),
              DataTypes.createStructField("value", DataTypes.IntegerType, false)));

  /**
   * What a run derived.
   *
   * @param rows one per LA and reporting year with a CIN census or an SSDA903 return in the lake
   * @param notes warnings for the user (unknown LA codes, missing datasets)
   */
  public record Result(List<PanelRow> rows, List<String> notes) {
    public Result {
      rows = List.copyOf(rows);
      notes = List.copyOf(notes);
    }
  }

  private LakeIndicators() {}

  /**
   * Derives the indicators of every LA and reporting year in {@code lake}; rates need {@code
   * population} (ONS layout), without it they are {@code x}.
   */
  public static Result compute(
      SparkSession spark, Path lake, Optional<PopulationEstimates> population, Progress progress) {
    Objects.requireNonNull(spark, "spark is null");
    Objects.requireNonNull(population, "population is null");
    List<String> notes = new ArrayList<>();
    Map<String, Dataset<Row>> tables = new TreeMap<>();
    for (String name : COLUMNS_NEEDED.keySet()) {
      read(spark, lake, name).ifPresent(dataset -> tables.put(name, dataset));
    }
    List<LedgerEntry> ledger = Ledger.read(lake);
    Map<String, Set<Integer>> cinYears =
        coverage(tables.get(CIN_EPISODE), ledger, Set.of("cin_census"));
    Map<String, Set<Integer>> claYears =
        coverage(
            tables.get(CARE_EPISODES),
            ledger,
            Set.of("ssda903/episodes", "ssda903")); // CSV episodes table, or the XML return
    int first = Integer.MAX_VALUE;
    int last = Integer.MIN_VALUE;
    for (Map<String, Set<Integer>> years : List.of(cinYears, claYears)) {
      for (Set<Integer> set : years.values()) {
        for (int year : set) {
          first = Math.min(first, year);
          last = Math.max(last, year);
        }
      }
    }
    if (first > last) {
      throw PipelineErrors.usage(
          "Cannot derive indicators from " + lake,
          "it holds neither " + CIN_EPISODE + " nor " + CARE_EPISODES + " data",
          "Ingest deposits into it first (sos-eval ingest --deposits DIR --lake " + lake + ")");
    }
    List<Dataset<Row>> facts = new ArrayList<>();
    if (tables.containsKey(CIN_EPISODE)) {
      for (String name : List.of(CIN_ASSESSMENT, CIN_SECTION47, CIN_CP_PLAN)) {
        if (!tables.containsKey(name)) {
          notes.add("The lake has no " + name + ": its indicators count nothing");
        }
      }
      progress.report("indicators: CIN census histories, reporting years " + first + "-" + last);
      facts.add(cinFacts(spark, tables, first, last));
    } else if (cinYears.isEmpty()) {
      notes.add("The lake has no CIN census: CIN indicators are x");
    }
    if (tables.containsKey(CARE_EPISODES)) {
      progress.report("indicators: SSDA903 periods of care");
      facts.add(careFacts(tables.get(CARE_EPISODES), first, last));
    } else if (claYears.isEmpty()) {
      notes.add("The lake has no SSDA903 return: CLA indicators are x");
    }
    Map<PanelBuilder.Key, IndicatorTally> tallies = new TreeMap<>();
    for (Row row : counted(facts)) {
      tallies
          .computeIfAbsent(
              new PanelBuilder.Key(row.getString(0), row.getInt(1)), k -> new IndicatorTally())
          .add(Measure.valueOf(row.getString(2)), row.getInt(3), row.getLong(4));
    }
    List<PanelRow> rows =
        QualityFlags.apply(PanelBuilder.rows(tallies, cinYears, claYears, population, notes));
    progress.report("indicators: " + rows.size() + " LA-years");
    return new Result(rows, notes);
  }

  private static List<Row> counted(List<Dataset<Row>> facts) {
    if (facts.isEmpty()) {
      return List.of();
    }
    Dataset<Row> all = facts.get(0);
    for (int i = 1; i < facts.size(); i++) {
      all = all.union(facts.get(i));
    }
    return all.groupBy("la", "year", "measure", "value").count().collectAsList();
  }

  /** A dataset of the lake with its declared schema (LA codes as strings), if the lake has it. */
  static Optional<Dataset<Row>> read(SparkSession spark, Path lake, String name) {
    Path folder = lake.resolve(name);
    if (!Files.isDirectory(folder)) {
      return Optional.empty();
    }
    LakeTable table =
        Ingest.lakeTables().stream()
            .filter(t -> t.folder().equals(name))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no lake dataset " + name));
    for (String column : COLUMNS_NEEDED.get(name)) {
      table.index(column);
    }
    return Optional.of(spark.read().schema(table.sparkSchema()).parquet(folder.toString()));
  }

  /**
   * The (LA, collection year) pairs with data: the dataset's partitions, and the files the ledger
   * says were read with one of {@code kinds} (an SSDA903 episodes file with a header only, or an
   * XML return without episodes, is a return with no episodes: its counts are 0, not missing).
   */
  private static Map<String, Set<Integer>> coverage(
      Dataset<Row> dataset, List<LedgerEntry> ledger, Set<String> kinds) {
    Map<String, Set<Integer>> years = new TreeMap<>();
    for (LedgerEntry entry : ledger) {
      if (kinds.contains(entry.kind())
          && !entry.status().equals(LedgerEntry.REJECTED)
          && entry.collectionYear().isPresent()
          && entry.laCode().isPresent()) {
        years
            .computeIfAbsent(entry.laCode().get(), k -> new TreeSet<>())
            .add(entry.collectionYear().get());
      }
    }
    if (dataset == null) {
      return years;
    }
    for (Row row : dataset.select("la", "year").distinct().collectAsList()) {
      years.computeIfAbsent(row.getString(0), k -> new TreeSet<>()).add(row.getInt(1));
    }
    return years;
  }

  /** The CIN tables in one shape: la, child_key, kind, collection_year, three dates, two ints. */
  static Dataset<Row> cinFacts(
      SparkSession spark, Map<String, Dataset<Row>> tables, int first, int last) {
    Column none = lit(null).cast(DataTypes.DateType);
    Column noInt = lit(null).cast(DataTypes.IntegerType);
    List<Dataset<Row>> parts = new ArrayList<>();
    parts.add(
        shape(
            tables.get(CIN_EPISODE),
            "EPISODE",
            col("CINreferralDate"),
            col("CINclosureDate"),
            col("DateOfInitialCPC"),
            col("episode_ordinal"),
            noInt));
    if (tables.containsKey(CIN_ASSESSMENT)) {
      parts.add(
          shape(
              tables.get(CIN_ASSESSMENT),
              "ASSESSMENT",
              col("AssessmentActualStartDate"),
              col("AssessmentAuthorisationDate"),
              none,
              lit(0),
              noInt));
    }
    if (tables.containsKey(CIN_SECTION47)) {
      parts.add(
          shape(
              tables.get(CIN_SECTION47),
              "SECTION47",
              col("S47ActualStartDate"),
              none,
              col("DateOfInitialCPC"),
              lit(0),
              noInt));
    }
    if (tables.containsKey(CIN_CP_PLAN)) {
      parts.add(
          shape(
              tables.get(CIN_CP_PLAN),
              "CP_PLAN",
              col("CPPstartDate"),
              col("CPPendDate"),
              none,
              lit(0),
              col("NumberOfPreviousCPP")));
    }
    Dataset<Row> records = parts.get(0);
    for (int i = 1; i < parts.size(); i++) {
      records = records.unionByName(parts.get(i));
    }
    return records
        .groupByKey(new ChildKey(), Encoders.STRING())
        .flatMapGroups(new CinChild(first, last), Encoders.row(FACT_SCHEMA));
  }

  private static Dataset<Row> shape(
      Dataset<Row> table,
      String kind,
      Column date,
      Column end,
      Column conference,
      Column ordinal,
      Column number) {
    return table
        .where(col("child_key").isNotNull().and(date.isNotNull()))
        .select(
            col("la"),
            col("child_key"),
            lit(kind).as("kind"),
            col("collection_year"),
            date.as("date"),
            end.cast(DataTypes.DateType).as("end_date"),
            conference.cast(DataTypes.DateType).as("conference_date"),
            ordinal.cast(DataTypes.IntegerType).as("ordinal"),
            number.cast(DataTypes.IntegerType).as("number"));
  }

  static Dataset<Row> careFacts(Dataset<Row> episodes, int first, int last) {
    return episodes
        .where(col("child_key").isNotNull().and(col("DECOM").isNotNull()))
        .select("la", "child_key", "collection_year", "DECOM", "RNE", "LS", "DEC", "REC")
        .groupByKey(new ChildKey(), Encoders.STRING())
        .flatMapGroups(new CareChild(first, last), Encoders.row(FACT_SCHEMA));
  }

  /** (LA, child key): columns 0 and 1. */
  static final class ChildKey implements MapFunction<Row, String> {
    @Override
    public String call(Row row) {
      return row.getString(0) + "\t" + row.getString(1);
    }
  }

  /** One child's CIN records to facts. */
  static final class CinChild implements FlatMapGroupsFunction<String, Row, Row> {
    private final int first;
    private final int last;

    CinChild(int first, int last) {
      this.first = first;
      this.last = last;
    }

    @Override
    public Iterator<Row> call(String key, Iterator<Row> rows) {
      List<CinRecord> records = new ArrayList<>();
      while (rows.hasNext()) {
        Row row = rows.next();
        int collectionYear = row.getInt(3);
        LocalDate date = date(row.get(4));
        LocalDate end = date(row.get(5));
        LocalDate conference = date(row.get(6));
        switch (row.getString(2)) {
          case "EPISODE" ->
              records.add(
                  CinRecord.episode(
                      collectionYear, date, end, conference, row.isNullAt(7) ? 1 : row.getInt(7)));
          case "ASSESSMENT" -> records.add(CinRecord.assessment(collectionYear, date, end));
          case "SECTION47" -> records.add(CinRecord.section47(collectionYear, date, conference));
          default ->
              records.add(
                  CinRecord.plan(
                      collectionYear, date, end, row.isNullAt(8) ? null : row.getInt(8)));
        }
      }
      return rows(key, CinHistory.facts(records, first, last));
    }
  }

  /** One child's SSDA903 episodes to facts. */
  static final class CareChild implements FlatMapGroupsFunction<String, Row, Row> {
    private final int first;
    private final int last;

    CareChild(int first, int last) {
      this.first = first;
      this.last = last;
    }

    @Override
    public Iterator<Row> call(String key, Iterator<Row> rows) {
      List<CareEpisode> episodes = new ArrayList<>();
      while (rows.hasNext()) {
        Row row = rows.next();
        episodes.add(
            CareEpisode.of(
                row.getInt(2),
                date(row.get(3)),
                row.getString(4),
                row.getString(5),
                date(row.get(6)),
                row.getString(7)));
      }
      return rows(key, CareHistory.facts(episodes, first, last));
    }
  }

  private static Iterator<Row> rows(String key, List<Fact> facts) {
    String la = key.substring(0, key.indexOf('\t'));
    List<Row> out = new ArrayList<>(facts.size());
    for (Fact fact : facts) {
      out.add(RowFactory.create(la, fact.year(), fact.measure().name(), fact.value()));
    }
    return out.iterator();
  }

  /** A Spark date as {@link LocalDate}, whichever Java type the session maps dates to. */
  static LocalDate date(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof LocalDate local) {
      return local;
    }
    return ((java.sql.Date) value).toLocalDate();
  }
}
