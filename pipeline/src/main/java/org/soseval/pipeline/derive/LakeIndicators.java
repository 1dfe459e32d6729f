package org.soseval.pipeline.derive;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.unix_date;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.api.java.function.MapPartitionsFunction;
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
import org.soseval.pipeline.lake.Partition;
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
    Map<String, Set<Integer>> cinYears = coverage(lake, CIN_EPISODE, ledger, Set.of("cin_census"));
    Map<String, Set<Integer>> claYears =
        coverage(lake, CARE_EPISODES, ledger, PeriodsOfCare.EPISODE_KINDS);
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
    int partitions = partitions(cinYears, claYears);
    if (tables.containsKey(CIN_EPISODE)) {
      for (String name : List.of(CIN_ASSESSMENT, CIN_SECTION47, CIN_CP_PLAN)) {
        if (!tables.containsKey(name)) {
          notes.add("The lake has no " + name + ": its indicators count nothing");
        }
      }
      progress.report("indicators: CIN census histories, reporting years " + first + "-" + last);
      facts.add(cinFacts(spark, tables, first, last, partitions));
    } else if (cinYears.isEmpty()) {
      notes.add("The lake has no CIN census: CIN indicators are x");
    }
    if (tables.containsKey(CARE_EPISODES)) {
      progress.report("indicators: SSDA903 periods of care");
      facts.add(careFacts(tables.get(CARE_EPISODES), first, last, partitions));
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
   * The (LA, collection year) pairs with data: the dataset's partitions holding rows, and the files
   * the ledger says were read with one of {@code kinds} (an SSDA903 episodes file with a header
   * only, or an XML return without episodes, is a return with no episodes: its counts are 0, not
   * missing).
   */
  private static Map<String, Set<Integer>> coverage(
      Path lake, String dataset, List<LedgerEntry> ledger, Set<String> kinds) {
    Map<String, Set<Integer>> years = new TreeMap<>(Ledger.yearsRead(ledger, kinds));
    for (Partition partition : partitionsWithRows(lake, dataset)) {
      years.computeIfAbsent(partition.la(), k -> new TreeSet<>()).add(partition.year());
    }
    return years;
  }

  /**
   * The partitions of {@code dataset} that hold a Parquet file, listed from the folders rather than
   * scanned: Spark's partitioned writes (the only writer of the lake, {@code lake.LakeStage})
   * create a partition's file only for rows, and a partition emptied by a later deposit is an empty
   * folder.
   */
  static List<Partition> partitionsWithRows(Path lake, String dataset) {
    Path root = lake.resolve(dataset);
    List<Partition> partitions = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return partitions;
    }
    try (Stream<Path> las = Files.list(root)) {
      for (Path la : las.sorted().toList()) {
        String laName = la.getFileName().toString();
        if (!laName.startsWith("la=") || !Files.isDirectory(la)) {
          continue;
        }
        try (Stream<Path> years = Files.list(la)) {
          for (Path year : years.sorted().toList()) {
            String yearName = year.getFileName().toString();
            if (yearName.matches("year=\\d+") && holdsParquet(year)) {
              partitions.add(
                  new Partition(
                      dataset,
                      laName.substring("la=".length()),
                      Integer.parseInt(yearName.substring("year=".length()))));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the partitions of " + root, e);
    }
    return partitions;
  }

  private static boolean holdsParquet(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.anyMatch(
          file -> {
            String name = file.getFileName().toString();
            return name.endsWith(".parquet") && !name.startsWith(".") && !name.startsWith("_");
          });
    }
  }

  /** The CIN tables in one shape: la, child_key, kind, collection_year, three dates, two ints. */
  static Dataset<Row> cinFacts(
      SparkSession spark, Map<String, Dataset<Row>> tables, int first, int last, int partitions) {
    Column none = lit(null).cast(DataTypes.DateType);
    Column noInt = lit(null).cast(DataTypes.IntegerType);
    List<Dataset<Row>> parts = new ArrayList<>();
    parts.add(
        shape(
            tables.get(CIN_EPISODE),
            Kind.EPISODE,
            col("CINreferralDate"),
            col("CINclosureDate"),
            col("DateOfInitialCPC"),
            col("episode_ordinal"),
            noInt));
    if (tables.containsKey(CIN_ASSESSMENT)) {
      parts.add(
          shape(
              tables.get(CIN_ASSESSMENT),
              Kind.ASSESSMENT,
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
              Kind.SECTION47,
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
              Kind.CP_PLAN,
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
    return byLa(records, partitions)
        .mapPartitions(new CinChildren(first, last), Encoders.row(FACT_SCHEMA));
  }

  private static Dataset<Row> shape(
      Dataset<Row> table,
      Kind kind,
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
            lit(kind.ordinal()).as("kind"),
            col("collection_year"),
            unix_date(date).as("date"),
            unix_date(end.cast(DataTypes.DateType)).as("end_date"),
            unix_date(conference.cast(DataTypes.DateType)).as("conference_date"),
            ordinal.cast(DataTypes.IntegerType).as("ordinal"),
            number.cast(DataTypes.IntegerType).as("number"));
  }

  static Dataset<Row> careFacts(Dataset<Row> episodes, int first, int last, int partitions) {
    Dataset<Row> records =
        episodes
            .where(col("child_key").isNotNull().and(col("DECOM").isNotNull()))
            .select(
                col("la"),
                col("child_key"),
                col("collection_year"),
                unix_date(col("DECOM")),
                col("RNE"),
                col("LS"),
                unix_date(col("DEC")),
                col("REC"));
    return byLa(records, partitions)
        .mapPartitions(new CareChildren(first, last), Encoders.row(FACT_SCHEMA));
  }

  /** One shuffle partition per LA present (at least one); LAs whose codes collide share one. */
  private static int partitions(
      Map<String, Set<Integer>> cinYears, Map<String, Set<Integer>> claYears) {
    Set<String> las = new TreeSet<>(cinYears.keySet());
    las.addAll(claYears.keySet());
    return Math.max(1, las.size());
  }

  /**
   * {@code records} (LA in column 0) shuffled so that all rows of an LA are in one partition. A
   * child's history never crosses LAs, so each partition can then be grouped by child in memory: no
   * sort, and a partition holds one or a few LAs' records (docs/indicators-lake.md, "Scale").
   */
  private static Dataset<Row> byLa(Dataset<Row> records, int partitions) {
    return records.repartition(partitions, col("la"));
  }

  /** The kinds of CIN record in the common shape. */
  enum Kind {
    EPISODE,
    ASSESSMENT,
    SECTION47,
    CP_PLAN
  }

  /**
   * Groups a partition's rows (LA in column 0, child key in column 1) by child in memory, in a
   * compact buffer of type {@code B} per child, and turns each child's records into facts, one
   * child at a time.
   */
  abstract static class PerChild<B> implements MapPartitionsFunction<Row, Row> {
    final int first;
    final int last;

    PerChild(int first, int last) {
      this.first = first;
      this.last = last;
    }

    abstract B buffer();

    abstract void add(B buffer, Row row);

    abstract List<Fact> facts(B buffer);

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      // by LA, then by child key: a few LAs per partition, so the inner maps do the work
      Map<String, Map<String, B>> children = new HashMap<>();
      Map<String, B> current = null;
      String currentLa = null;
      while (rows.hasNext()) {
        Row row = rows.next();
        String la = row.getString(0);
        if (!la.equals(currentLa)) {
          currentLa = la;
          current = children.computeIfAbsent(la, k -> new HashMap<>());
        }
        B buffer = current.get(row.getString(1));
        if (buffer == null) {
          buffer = buffer();
          current.put(row.getString(1), buffer);
        }
        add(buffer, row);
      }
      Iterator<Map.Entry<String, Map<String, B>>> las = children.entrySet().iterator();
      return new Iterator<>() {
        private String la;
        private Iterator<B> each = Collections.emptyIterator();
        private Iterator<Row> facts = Collections.emptyIterator();

        @Override
        public boolean hasNext() {
          while (!facts.hasNext()) {
            if (each.hasNext()) {
              B child = each.next();
              each.remove();
              facts = rows(la, facts(child));
            } else if (las.hasNext()) {
              Map.Entry<String, Map<String, B>> next = las.next();
              la = next.getKey();
              each = next.getValue().values().iterator();
            } else {
              return false;
            }
          }
          return true;
        }

        @Override
        public Row next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          return facts.next();
        }
      };
    }
  }

  /**
   * CIN records: la, child_key, kind, collection_year, date, end, conference (days), two ints; held
   * per child as {@value #WIDTH} ints a record (no objects per record until the child is derived).
   */
  static final class CinChildren extends PerChild<CinChildren.Ints> {
    private static final Kind[] KINDS = Kind.values();
    private static final int WIDTH = 7;
    private static final int NULL = Integer.MIN_VALUE;

    /** A growable int array. */
    static final class Ints {
      int[] values = new int[2 * WIDTH];
      int size;

      void add(int value) {
        if (size == values.length) {
          values = Arrays.copyOf(values, 2 * size);
        }
        values[size++] = value;
      }
    }

    CinChildren(int first, int last) {
      super(first, last);
    }

    @Override
    Ints buffer() {
      return new Ints();
    }

    @Override
    void add(Ints buffer, Row row) {
      for (int i = 2; i < 2 + WIDTH; i++) {
        buffer.add(row.isNullAt(i) ? NULL : row.getInt(i));
      }
    }

    @Override
    List<Fact> facts(Ints buffer) {
      List<CinRecord> records = new ArrayList<>(buffer.size / WIDTH);
      int[] v = buffer.values;
      for (int at = 0; at < buffer.size; at += WIDTH) {
        int collectionYear = v[at + 1];
        LocalDate date = day(v[at + 2]);
        LocalDate end = day(v[at + 3]);
        LocalDate conference = day(v[at + 4]);
        records.add(
            switch (KINDS[v[at]]) {
              case EPISODE ->
                  CinRecord.episode(
                      collectionYear, date, end, conference, v[at + 5] == NULL ? 1 : v[at + 5]);
              case ASSESSMENT -> CinRecord.assessment(collectionYear, date, end);
              case SECTION47 -> CinRecord.section47(collectionYear, date, conference);
              case CP_PLAN ->
                  CinRecord.plan(collectionYear, date, end, v[at + 6] == NULL ? null : v[at + 6]);
            });
      }
      return CinHistory.facts(records, first, last);
    }

    private static LocalDate day(int days) {
      return days == NULL ? null : LocalDate.ofEpochDay(days);
    }
  }

  /** SSDA903 episodes: la, child_key, collection_year, DECOM (days), RNE, LS, DEC (days), REC. */
  static final class CareChildren extends PerChild<List<CareEpisode>> {
    CareChildren(int first, int last) {
      super(first, last);
    }

    @Override
    List<CareEpisode> buffer() {
      return new ArrayList<>(2);
    }

    @Override
    void add(List<CareEpisode> episodes, Row row) {
      episodes.add(
          CareEpisode.of(
              row.getInt(2),
              row.isNullAt(3) ? null : LocalDate.ofEpochDay(row.getInt(3)),
              row.getString(4),
              row.getString(5),
              row.isNullAt(6) ? null : LocalDate.ofEpochDay(row.getInt(6)),
              row.getString(7)));
    }

    @Override
    List<Fact> facts(List<CareEpisode> episodes) {
      return CareHistory.facts(episodes, first, last);
    }
  }

  private static Iterator<Row> rows(String la, List<Fact> facts) {
    List<Row> out = new ArrayList<>(facts.size());
    for (Fact fact : facts) {
      out.add(RowFactory.create(la, fact.year(), fact.measure().name(), fact.value()));
    }
    return out.iterator();
  }
}
