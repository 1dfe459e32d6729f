package org.soseval.pipeline.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.soseval.pipeline.files.FileTrees;

/**
 * Writes a run's rows under {@code LAKE/_staging/RUN/} and then moves them into place, so a run
 * that fails or is killed before its commit leaves the previous lake as it was.
 *
 * <p>Commit protocol: (1) the rows of each replaced partition are gathered into {@code
 * RUN/final/FOLDER/la=LA/year=YEAR} (an empty folder for a partition that now has no rows) and the
 * new ledger is written to {@code RUN/ledger.csv}; (2) the marker {@code RUN/COMMIT} is created,
 * listing the partitions; (3) for each partition the old folder is renamed into {@code RUN/old/}
 * and the new one renamed into place; (4) the ledger is moved into place; (5) the run folder is
 * deleted. {@link #recover(Path, Consumer)} finishes a run killed after step 2 and deletes one
 * killed before it, so the lake always holds either the old or the new version of a partition.
 */
public final class LakeStage {
  static final String STAGING = "_staging";
  private static final String COMMIT = "COMMIT";
  private static final String FINAL = "final";
  private static final String OLD = "old";
  private static final String LEDGER = "ledger.csv";

  private final SparkSession spark;
  private final Path lake;
  private final Path run;
  private final Consumer<String> checkpoint;

  private LakeStage(SparkSession spark, Path lake, Path run, Consumer<String> checkpoint) {
    this.spark = spark;
    this.lake = lake;
    this.run = run;
    this.checkpoint = checkpoint;
  }

  /**
   * A new staging area for a run. {@code checkpoint} is told the name of each step before it is
   * taken (tests inject failures there).
   */
  public static LakeStage create(
      SparkSession spark, Path lake, String runId, Consumer<String> checkpoint) {
    Objects.requireNonNull(spark, "spark is null");
    Path run = lake.resolve(STAGING).resolve(runId);
    try {
      Files.createDirectories(run);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the staging folder " + run, e);
    }
    return new LakeStage(spark, lake, run, checkpoint);
  }

  /** Appends {@code rows} (all of {@code table}) to the staged batch {@code batch}. */
  public void write(String batch, LakeTable table, List<LakeRow> rows) {
    if (rows.isEmpty()) {
      return;
    }
    List<Row> sparkRows = new ArrayList<>(rows.size());
    int width = table.columns().size();
    for (LakeRow row : rows) {
      Object[] values = new Object[width + 2];
      System.arraycopy(row.values(), 0, values, 0, width);
      values[width] = row.la();
      values[width + 1] = row.year();
      sparkRows.add(RowFactory.create(values));
    }
    spark
        .createDataFrame(sparkRows, table.sparkSchema())
        .coalesce(1)
        .write()
        .mode(SaveMode.Append)
        .partitionBy("la", "year")
        .parquet(run.resolve(batch).resolve(table.folder()).toString());
  }

  /**
   * Writes {@code rows}, whose columns are {@code table}'s followed by {@code la} and {@code year},
   * to the staged batch {@code batch}; returns the partitions written.
   */
  public SortedSet<Partition> write(String batch, LakeTable table, Dataset<Row> rows) {
    Path folder = run.resolve(batch).resolve(table.folder());
    rows.write().mode(SaveMode.Append).partitionBy("la", "year").parquet(folder.toString());
    return partitions(run.resolve(batch), table.folder());
  }

  /** The rows of {@code table} staged in {@code batch} (call only when some were written). */
  public Dataset<Row> staged(String batch, LakeTable table) {
    return spark
        .read()
        .schema(table.sparkSchema())
        .parquet(run.resolve(batch).resolve(table.folder()).toString());
  }

  /** The partitions (folders {@code la=/year=}) of dataset {@code folder} under {@code root}. */
  public static SortedSet<Partition> partitions(Path root, String folder) {
    SortedSet<Partition> partitions = new TreeSet<>();
    Path dataset = root.resolve(folder);
    if (!Files.isDirectory(dataset)) {
      return partitions;
    }
    try (Stream<Path> las = Files.list(dataset)) {
      for (Path la : las.filter(Files::isDirectory).toList()) {
        String laName = la.getFileName().toString();
        if (!laName.startsWith("la=")) {
          continue;
        }
        try (Stream<Path> years = Files.list(la)) {
          for (Path year : years.filter(Files::isDirectory).toList()) {
            String yearName = year.getFileName().toString();
            if (yearName.startsWith("year=")) {
              partitions.add(
                  new Partition(
                      folder,
                      laName.substring("la=".length()),
                      Integer.parseInt(yearName.substring("year=".length()))));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the partitions of " + dataset, e);
    }
    return partitions;
  }

  /**
   * Gives up this run after a failure: deletes its staging unless its commit marker exists, in
   * which case the next run's {@link #recover} completes the commit.
   */
  public void abandon() {
    if (!Files.exists(run.resolve(COMMIT))) {
      deleteTree(run);
    }
  }

  /** Deletes a batch (the rows of a file that was rejected after some were staged). */
  public void discard(String batch) {
    deleteTree(run.resolve(batch));
  }

  /**
   * Replaces {@code partitions} of the lake with the staged rows and the ledger with {@code
   * ledgerCsv}; partitions without staged rows become empty.
   */
  public void commit(SortedSet<Partition> partitions, String ledgerCsv) {
    commit(partitions, Optional.of(ledgerCsv));
  }

  /**
   * Replaces {@code partitions} of a dataset derived from the lake (not from deposits: the ledger
   * is not touched) with the staged rows.
   */
  public void commitDerived(SortedSet<Partition> partitions) {
    commit(partitions, Optional.empty());
  }

  private void commit(SortedSet<Partition> partitions, Optional<String> ledgerCsv) {
    try {
      for (Partition partition : partitions) {
        Path target = partition.under(run.resolve(FINAL));
        Files.createDirectories(target);
        try (Stream<Path> batches = Files.list(run)) {
          for (Path batch : batches.sorted().toList()) {
            String name = batch.getFileName().toString();
            if (name.equals(FINAL) || name.equals(OLD) || !Files.isDirectory(batch)) {
              continue;
            }
            Path staged = partition.under(batch);
            if (Files.isDirectory(staged)) {
              try (Stream<Path> files = Files.list(staged)) {
                for (Path file : files.sorted().toList()) {
                  if (file.getFileName().toString().endsWith(".parquet")) {
                    Files.move(file, target.resolve(name + "-" + file.getFileName()));
                  }
                }
              }
            }
          }
        }
      }
      if (ledgerCsv.isPresent()) {
        Files.writeString(run.resolve(LEDGER), ledgerCsv.get(), StandardCharsets.UTF_8);
      }
      checkpoint.accept("before-commit");
      StringBuilder marker = new StringBuilder();
      for (Partition partition : partitions) {
        marker
            .append(partition.folder())
            .append('\t')
            .append(partition.la())
            .append('\t')
            .append(partition.year())
            .append('\n');
      }
      Path temporary = run.resolve(COMMIT + ".tmp");
      Files.writeString(temporary, marker, StandardCharsets.UTF_8);
      Files.move(temporary, run.resolve(COMMIT), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot stage the lake's new partitions in " + run, e);
    }
    finish(lake, run, partitions, checkpoint);
  }

  /**
   * Finishes or undoes runs left in {@code LAKE/_staging} by a process that was killed: a run with
   * a commit marker is completed, one without is deleted. Returns what was done, per run.
   */
  public static List<String> recover(Path lake, Consumer<String> checkpoint) {
    Path staging = lake.resolve(STAGING);
    List<String> done = new ArrayList<>();
    if (!Files.isDirectory(staging)) {
      return done;
    }
    try (Stream<Path> runs = Files.list(staging)) {
      for (Path run : runs.sorted().toList()) {
        Path marker = run.resolve(COMMIT);
        if (Files.isRegularFile(marker)) {
          SortedSet<Partition> partitions = new TreeSet<>();
          for (String line : Files.readAllLines(marker, StandardCharsets.UTF_8)) {
            String[] parts = line.split("\t");
            if (parts.length == 3) {
              partitions.add(new Partition(parts[0], parts[1], Integer.parseInt(parts[2])));
            }
          }
          finish(lake, run, partitions, checkpoint);
          done.add("completed the interrupted commit of run " + run.getFileName());
        } else {
          deleteTree(run);
          done.add("removed the unfinished run " + run.getFileName());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot recover the staging folder " + staging, e);
    }
    return done;
  }

  private static void finish(
      Path lake, Path run, SortedSet<Partition> partitions, Consumer<String> checkpoint) {
    try {
      int step = 0;
      for (Partition partition : partitions) {
        Path staged = partition.under(run.resolve(FINAL));
        if (!Files.isDirectory(staged)) {
          continue; // moved into place before an interruption
        }
        checkpoint.accept(String.format(Locale.ROOT, "commit-partition-%d", step++));
        Path target = partition.under(lake);
        Path old = partition.under(run.resolve(OLD));
        if (Files.exists(target)) {
          Files.createDirectories(old.getParent());
          Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.createDirectories(target.getParent());
        Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
      }
      Path ledger = run.resolve(LEDGER);
      if (Files.exists(ledger)) {
        Path target = lake.resolve("_ledger").resolve(LEDGER);
        Files.createDirectories(target.getParent());
        Files.move(
            ledger, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
      checkpoint.accept("after-commit");
      deleteTree(run);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot move the staged partitions of " + run, e);
    }
  }

  /** Deletes {@code root} and everything under it (no-op when absent). */
  public static void deleteTree(Path root) {
    try {
      FileTrees.delete(root);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + root, e);
    }
  }
}
