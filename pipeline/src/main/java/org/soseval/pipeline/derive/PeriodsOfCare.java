package org.soseval.pipeline.derive;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.soseval.pipeline.Progress;
import org.soseval.pipeline.calendar.ReportingYears;
import org.soseval.pipeline.lake.LakeStage;
import org.soseval.pipeline.lake.LakeTable;
import org.soseval.pipeline.lake.LakeTable.Column;
import org.soseval.pipeline.lake.LakeTable.Type;
import org.soseval.pipeline.lake.Ledger;
import org.soseval.pipeline.lake.Partition;

/**
 * The lake dataset {@code ssda903_periods_of_care}: every child's SSDA903 episodes from all the
 * LA's returns in the lake, stitched into periods of care with the repairs of {@link CarePeriod}.
 * Rebuilt whole after each ingest from {@code ssda903_episodes} (one shuffle: the episodes grouped
 * by LA and child), staged and committed like the deposits' partitions, so a run that fails leaves
 * the previous version. Partitioned by LA and the collection year in which the period started.
 * docs/ingest.md "Periods of care".
 */
public final class PeriodsOfCare {
  static final String EPISODES = LakeIndicators.CARE_EPISODES;

  public static final LakeTable TABLE =
      new LakeTable(
          "ssda903_periods_of_care",
          List.of(
              new Column("child_key", Type.STRING, "HMAC-SHA-256 pseudonym of LA and CHILD"),
              new Column(
                  "period_number", Type.INTEGER, "1, 2, ... in start order among the child's"),
              new Column("start_date", Type.DATE, "DECOM of the period's first episode"),
              new Column(
                  "start_rne",
                  Type.STRING,
                  "RNE of the first episode: S when the start of care is in the lake"),
              new Column("start_ls", Type.STRING, "LS of the first episode"),
              new Column("end_date", Type.DATE, "DEC of the episode that ended the period"),
              new Column(
                  "end_reason", Type.STRING, "its REC (E99: ceased for a reason not returned)"),
              new Column(
                  "status",
                  Type.STRING,
                  "ended | open (looked after at the LA's latest return) | end_unknown"),
              new Column(
                  "episodes", Type.INTEGER, "episodes in the period (short breaks excluded)"),
              new Column(
                  "first_return", Type.INTEGER, "earliest collection year its episodes came from"),
              new Column(
                  "last_return", Type.INTEGER, "latest collection year its episodes came from"),
              new Column(
                  "imputed", Type.BOOLEAN, "a repair rule changed or removed one of its episodes"),
              new Column(
                  "imputed_by",
                  Type.STRING,
                  "the repair rules' ids, ';'-separated (docs/ingest.md), or empty")));

  /** What a rebuild wrote. */
  public record Summary(long periods, long imputed) {}

  private PeriodsOfCare() {}

  /** Rebuilds the dataset in {@code lake} from its SSDA903 episodes. */
  public static Summary rebuild(SparkSession spark, Path lake, Progress progress) {
    return rebuild(spark, lake, progress, step -> {});
  }

  /** As {@link #rebuild(SparkSession, Path, Progress)}; {@code checkpoint} hears each step. */
  static Summary rebuild(
      SparkSession spark, Path lake, Progress progress, Consumer<String> checkpoint) {
    Optional<Dataset<Row>> episodes = LakeIndicators.read(spark, lake, EPISODES);
    String runId =
        "periods-"
            + LocalDateTime.now()
                .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT));
    LakeStage stage = LakeStage.create(spark, lake, runId, checkpoint);
    try {
      SortedSet<Partition> partitions = LakeStage.partitions(lake, TABLE.folder());
      Summary summary = new Summary(0, 0);
      if (episodes.isPresent()) {
        progress.report("ingest: SSDA903 periods of care");
        Dataset<Row> periods =
            episodes
                .get()
                .where(col("child_key").isNotNull().and(col("DECOM").isNotNull()))
                .select("la", "child_key", "collection_year", "DECOM", "RNE", "LS", "DEC", "REC")
                .groupByKey(new ChildKey(), Encoders.STRING())
                .flatMapGroups(new Child(returnYears(lake)), Encoders.row(TABLE.sparkSchema()));
        SortedSet<Partition> written = stage.write("b1", TABLE, periods);
        partitions.addAll(written);
        List<Row> counts =
            written.isEmpty()
                ? List.of()
                : stage.staged("b1", TABLE).groupBy("imputed").count().collectAsList();
        long all = 0;
        long imputed = 0;
        for (Row row : counts) {
          all += row.getLong(1);
          imputed += row.getBoolean(0) ? row.getLong(1) : 0;
        }
        summary = new Summary(all, imputed);
      }
      stage.commitDerived(partitions);
      return summary;
    } catch (RuntimeException e) {
      stage.abandon();
      throw e;
    }
  }

  /** The ledger kinds of an SSDA903 return's episodes: the CSV episodes table, or the XML. */
  static final Set<String> EPISODE_KINDS = Set.of("ssda903/episodes", "ssda903");

  /** The collection years of each LA's SSDA903 returns (CSV episodes or XML) in the ledger. */
  static Map<String, SortedSet<Integer>> returnYears(Path lake) {
    return Ledger.yearsRead(Ledger.read(lake), EPISODE_KINDS);
  }

  /** One child's episodes to its period rows. */
  static final class Child implements FlatMapGroupsFunction<String, Row, Row> {
    private final Map<String, SortedSet<Integer>> years;

    Child(Map<String, SortedSet<Integer>> years) {
      this.years = years;
    }

    @Override
    public Iterator<Row> call(String key, Iterator<Row> rows) {
      List<CareEpisode> versions = new ArrayList<>();
      while (rows.hasNext()) {
        Row row = rows.next();
        versions.add(
            CareEpisode.of(
                row.getInt(2),
                date(row.get(3)),
                row.getString(4),
                row.getString(5),
                date(row.get(6)),
                row.getString(7)));
      }
      int tab = key.indexOf('\t');
      String la = key.substring(0, tab);
      String child = key.substring(tab + 1);
      List<Row> out = new ArrayList<>();
      for (CarePeriod period : CarePeriod.of(versions, years.getOrDefault(la, new TreeSet<>()))) {
        out.add(
            RowFactory.create(
                child,
                period.number(),
                sqlDate(period.start()),
                period.startRne(),
                period.startLegalStatus(),
                period.end().map(PeriodsOfCare::sqlDate).orElse(null),
                period.endReason().orElse(null),
                period.status(),
                period.episodes(),
                period.firstReturn(),
                period.lastReturn(),
                period.imputed(),
                period.imputedByIds().orElse(null),
                la,
                ReportingYears.of(period.start())));
      }
      return out.iterator();
    }
  }

  /** (LA, child key): columns 0 and 1. */
  static final class ChildKey implements MapFunction<Row, String> {
    @Override
    public String call(Row row) {
      return row.getString(0) + "\t" + row.getString(1);
    }
  }

  /** A Spark date as {@link LocalDate}, whichever Java type the session maps dates to. */
  private static LocalDate date(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof LocalDate local) {
      return local;
    }
    return ((java.sql.Date) value).toLocalDate();
  }

  private static java.sql.Date sqlDate(LocalDate date) {
    return java.sql.Date.valueOf(date);
  }
}
