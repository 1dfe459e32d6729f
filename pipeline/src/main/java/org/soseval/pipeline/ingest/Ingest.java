package org.soseval.pipeline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.soseval.pipeline.PipelineErrors;
import org.soseval.pipeline.Progress;
import org.soseval.pipeline.geography.LaCodeEntry;
import org.soseval.pipeline.geography.LaCrosswalk;
import org.soseval.pipeline.lake.LakeRow;
import org.soseval.pipeline.lake.LakeStage;
import org.soseval.pipeline.lake.LakeTable;
import org.soseval.pipeline.lake.Ledger;
import org.soseval.pipeline.lake.LedgerEntry;
import org.soseval.pipeline.lake.Partition;
import org.soseval.pipeline.privacy.PseudonymKey;
import org.soseval.pipeline.privacy.Pseudonymiser;
import org.soseval.pipeline.schemas.CsvSchema;
import org.soseval.pipeline.schemas.IngestSpec;
import org.soseval.pipeline.schemas.SchemaRegistry;
import org.soseval.pipeline.schemas.XmlSchema;

/**
 * {@code sos-eval ingest}: deposits to the lake. Detects each file's kind, collection year and LA,
 * reads it (CIN census XML by streaming, SSDA903 CSV tables), validates, pseudonymises and
 * quarantines, then replaces the lake partitions of the files it read (dataset × LA × year) in one
 * commit with the ledger. A file that cannot be read is rejected whole and leaves its partitions as
 * they were; see docs/ingest.md.
 */
public final class Ingest {
  /** Rows held in memory before they are written to the staging area. */
  static final int FLUSH_ROWS = 200_000;

  private final SparkSession spark;
  private final Progress progress;
  private final Consumer<String> checkpoint;
  private final XmlSchema cinSchema = SchemaRegistry.cinCensus();
  private final IngestSpec cinSpec = SchemaRegistry.ingestSpec(SchemaRegistry.CIN_CENSUS);
  private final CsvSchema ssdaSchema = SchemaRegistry.ssda903();
  private final IngestSpec ssdaSpec = SchemaRegistry.ingestSpec(SchemaRegistry.SSDA903);
  private final CinLayout cinLayout = new CinLayout(cinSchema, cinSpec);

  private Ingest(SparkSession spark, Progress progress, Consumer<String> checkpoint) {
    this.spark = spark;
    this.progress = progress;
    this.checkpoint = checkpoint;
  }

  /** Ingest with progress messages on {@code progress}. */
  public static IngestResult run(
      SparkSession spark, Path deposits, Path lake, PseudonymKey key, Progress progress) {
    return run(spark, deposits, lake, key, progress, step -> {});
  }

  /**
   * As {@link #run(SparkSession, Path, Path, PseudonymKey, Progress)}; {@code checkpoint} hears
   * each step (tests inject failures).
   */
  static IngestResult run(
      SparkSession spark,
      Path deposits,
      Path lake,
      PseudonymKey key,
      Progress progress,
      Consumer<String> checkpoint) {
    return new Ingest(spark, progress, checkpoint).ingest(deposits, lake, key);
  }

  /** The lake datasets (folders) a CIN census file fills, its quarantines included. */
  public static List<LakeTable> lakeTables() {
    Ingest tables = new Ingest(null, Progress.SILENT, step -> {});
    List<LakeTable> all = new ArrayList<>();
    tables.cinLayout.tables().values().forEach(table -> all.add(table.lake()));
    all.addAll(new Ssda903Ingester(tables.ssdaSchema, tables.ssdaSpec, null).lakeTables().values());
    all.addAll(InstrumentIngester.lakeTables());
    return all;
  }

  private IngestResult ingest(Path deposits, Path lake, PseudonymKey key) {
    Path depositRoot = deposits.toAbsolutePath().normalize();
    Path lakeRoot = lake.toAbsolutePath().normalize();
    if (!Files.isDirectory(depositRoot)) {
      throw PipelineErrors.usage(
          "Cannot ingest " + deposits, "the folder does not exist", "Give --deposits a folder");
    }
    if (depositRoot.startsWith(lakeRoot)) {
      throw PipelineErrors.usage(
          "Cannot ingest " + deposits,
          "the deposits are inside the lake " + lake,
          "Give --lake a folder outside the deposits");
    }
    try {
      Files.createDirectories(lakeRoot);
    } catch (IOException e) {
      throw PipelineErrors.usage(
          "Cannot create the lake " + lake,
          e.getClass().getSimpleName(),
          "Check --lake is writable");
    }
    List<String> recovered = LakeStage.recover(lakeRoot, checkpoint);
    recovered.forEach(message -> progress.report("ingest: " + message));
    Pseudonymiser pseudonymiser = Pseudonymiser.create(key);
    List<Deposit> found = detect(depositRoot, lakeRoot);
    progress.report(
        String.format(Locale.ROOT, "ingest: %d files under %s", found.size(), depositRoot));

    String runId =
        LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT));
    LakeStage stage = LakeStage.create(spark, lakeRoot, runId, checkpoint);
    CinIngester cin = new CinIngester(cinSchema, cinSpec, cinLayout, pseudonymiser);
    Ssda903Ingester ssda = new Ssda903Ingester(ssdaSchema, ssdaSpec, pseudonymiser);
    InstrumentIngester instruments = new InstrumentIngester(pseudonymiser);
    Pending pending = new Pending(stage);
    List<LedgerEntry> entries = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    Map<String, Long> byRule = new TreeMap<>();
    SortedSet<Partition> replaced = new TreeSet<>();
    int index = 0;
    try {
      for (Deposit deposit : found) {
        index++;
        deposit.warnings.forEach(warning -> warnings.add(deposit.name + ": " + warning));
        String sha = sha256(deposit.path);
        if (deposit.kind == Deposit.Kind.IGNORED) {
          continue;
        }
        if (deposit.rejection.isPresent()) {
          entries.add(rejected(deposit, sha, deposit.rejection.get()));
          continue;
        }
        progress.report(
            String.format(Locale.ROOT, "ingest: [%d/%d] %s", index, found.size(), deposit.name));
        FileSink sink = new FileSink(stage, "f" + index, byRule);
        try {
          String schemaVersion;
          if (deposit.kind == Deposit.Kind.CIN_CENSUS) {
            CinIngester.Header header = cin.ingest(deposit.path, deposit.name, deposit.la, sink);
            header.warnings().forEach(warning -> warnings.add(deposit.name + ": " + warning));
            schemaVersion = "cin_census/" + header.year();
            replaced.addAll(
                partitions(deposit.kindName(), header.la().orElseThrow(), header.year()));
            deposit.la = header.la();
            deposit.year = Optional.of(header.year());
          } else if (deposit.kind == Deposit.Kind.SSDA903_XML) {
            String la = deposit.la.orElseThrow();
            int year = deposit.year.orElseThrow();
            Ssda903Ingester.XmlNotes notes =
                ssda.ingestXml(deposit.path, deposit.name, la, year, sink);
            schemaVersion = "ssda903/" + year;
            replaced.addAll(partitions(deposit.kindName(), la, year));
            notes.messages().forEach(note -> warnings.add(deposit.name + ": " + note));
          } else if (deposit.kind == Deposit.Kind.INSTRUMENT) {
            schemaVersion = instrument(instruments, deposit, sink, replaced);
          } else {
            Ssda903Ingester.Match match = deposit.table.orElseThrow();
            ssda.ingest(
                deposit.path,
                deposit.name,
                match,
                deposit.la.orElseThrow(),
                deposit.year.orElseThrow(),
                sink);
            schemaVersion = "ssda903/" + deposit.year.orElseThrow();
            replaced.addAll(
                partitions(
                    deposit.kindName(), deposit.la.orElseThrow(), deposit.year.orElseThrow()));
            if (!match.dropped().isEmpty()) {
              warnings.add(
                  deposit.name
                      + ": columns not in the schema were not ingested: "
                      + String.join(",", match.dropped()));
            }
          }
          deposit
              .la
              .flatMap(
                  la ->
                      laCodeWarning(
                          la,
                          deposit.kind == Deposit.Kind.INSTRUMENT
                              ? Optional.empty() // its year is the data's, not a collection's
                              : deposit.year))
              .ifPresent(warning -> warnings.add(deposit.name + ": " + warning));
          sink.finish(pending);
          String message = sink.quarantined == 0 ? "" : sink.summary();
          List<String> fileWarnings = new ArrayList<>(deposit.warnings);
          warnings.stream()
              .filter(warning -> warning.startsWith(deposit.name + ": "))
              .map(warning -> warning.substring(deposit.name.length() + 2))
              .filter(warning -> !fileWarnings.contains(warning))
              .forEach(fileWarnings::add);
          if (!fileWarnings.isEmpty()) {
            message = (message.isEmpty() ? "" : message + "; ") + String.join("; ", fileWarnings);
          }
          entries.add(
              new LedgerEntry(
                  deposit.name,
                  sha,
                  deposit.kindName(),
                  deposit.year,
                  deposit.la,
                  schemaVersion,
                  sink.written + sink.quarantined,
                  sink.written,
                  sink.quarantined,
                  sink.quarantined == 0 ? LedgerEntry.OK : LedgerEntry.QUARANTINED,
                  message));
        } catch (FileRejected e) {
          sink.discard();
          sink.undoRuleCounts();
          entries.add(rejected(deposit, sha, e.getMessage()));
        }
        checkpoint.accept("after-file-" + index);
      }
      pending.flush();
      List<LedgerEntry> previous = Ledger.read(lakeRoot);
      replaceWholeXmlReturns(previous, entries, replaced, warnings);
      List<LedgerEntry> ledger = mergeLedger(previous, entries, replaced);
      progress.report(
          String.format(
              Locale.ROOT, "ingest: committing %d partitions to %s", replaced.size(), lakeRoot));
      stage.commit(replaced, Ledger.format(ledger));
    } catch (RuntimeException e) {
      stage.abandon();
      throw e;
    }
    return new IngestResult(entries, warnings, byRule, recovered);
  }

  /** Ingests an instrument file; returns its schema version. */
  private static String instrument(
      InstrumentIngester instruments, Deposit deposit, RowSink sink, Set<Partition> replaced)
      throws FileRejected {
    InstrumentIngester.Read read = instruments.ingest(deposit.path, deposit.name, deposit.la, sink);
    deposit.instrument = Optional.of(read.instrument());
    deposit.la = read.la();
    deposit.year = read.year();
    replaced.addAll(read.partitions());
    return read.schemaVersion();
  }

  private static LedgerEntry rejected(Deposit deposit, String sha, String reason) {
    return new LedgerEntry(
        deposit.name,
        sha,
        deposit.kindName(),
        deposit.year,
        deposit.la,
        "",
        0,
        0,
        0,
        LedgerEntry.REJECTED,
        reason);
  }

  /**
   * The partitions (with their quarantines) a deposit of {@code kind} fills for one LA and year: a
   * CIN census its tables, an SSDA903 CSV its table, an SSDA903 XML every table the XML carries.
   */
  private List<Partition> partitions(String kind, String la, int year) {
    List<String> folders = new ArrayList<>();
    if (kind.equals("cin_census")) {
      cinLayout.tables().values().forEach(table -> folders.add(table.lake().folder()));
    } else if (kind.equals("ssda903")) {
      ssdaSchema.xmlTables().forEach(table -> folders.add(Ssda903Ingester.PREFIX + table.name()));
    } else if (kind.startsWith("ssda903/")) {
      folders.add(Ssda903Ingester.PREFIX + kind.substring("ssda903/".length()));
    }
    List<Partition> partitions = new ArrayList<>();
    for (String folder : folders) {
      partitions.add(new Partition(folder, la, year));
      partitions.add(new Partition(Quarantine.table(folder).folder(), la, year));
    }
    return partitions;
  }

  /**
   * An SSDA903 XML return in the lake that this run replaces in part (a CSV table for the same LA
   * and year) is replaced whole: the XML's other tables are emptied, so no table of the lake holds
   * rows of a file the ledger no longer lists.
   */
  private void replaceWholeXmlReturns(
      List<LedgerEntry> previous,
      List<LedgerEntry> current,
      SortedSet<Partition> replaced,
      List<String> warnings) {
    Set<String> files = new HashSet<>();
    current.forEach(entry -> files.add(entry.file()));
    for (LedgerEntry entry : previous) {
      if (!entry.kind().equals("ssda903")
          || files.contains(entry.file())
          || entry.laCode().isEmpty()
          || entry.collectionYear().isEmpty()) {
        continue;
      }
      List<Partition> own =
          partitions(entry.kind(), entry.laCode().get(), entry.collectionYear().get());
      if (own.stream().anyMatch(replaced::contains) && !replaced.containsAll(own)) {
        replaced.addAll(own);
        warnings.add(
            String.format(
                Locale.ROOT,
                "the SSDA903 XML %s (LA %s, %d) is replaced by this run's SSDA903 CSV tables: its"
                    + " tables not deposited again are now empty; deposit the whole return",
                entry.file(),
                entry.laCode().get(),
                entry.collectionYear().get()));
      }
    }
  }

  private static String ledgerKey(LedgerEntry entry) {
    return entry.kind() + "|" + entry.laCode().orElse("") + "|" + entry.collectionYear().orElse(0);
  }

  /**
   * The previous ledger without the files read again and the files whose partitions this run
   * replaced, plus this run's.
   */
  private List<LedgerEntry> mergeLedger(
      List<LedgerEntry> previous, List<LedgerEntry> current, Set<Partition> replaced) {
    Set<String> files = new HashSet<>();
    Set<String> keys = new HashSet<>();
    for (LedgerEntry entry : current) {
      files.add(entry.file());
      if (!entry.status().equals(LedgerEntry.REJECTED)) {
        keys.add(ledgerKey(entry));
      }
    }
    List<LedgerEntry> merged = new ArrayList<>();
    for (LedgerEntry entry : previous) {
      boolean superseded =
          keys.contains(ledgerKey(entry))
              || entry.laCode().isPresent()
                  && entry.collectionYear().isPresent()
                  && partitions(entry.kind(), entry.laCode().get(), entry.collectionYear().get())
                      .stream()
                      .anyMatch(replaced::contains);
      if (!files.contains(entry.file()) && !superseded) {
        merged.add(entry);
      }
    }
    merged.addAll(current);
    return merged;
  }

  // ---- detection ----------------------------------------------------------------------------

  private List<Deposit> detect(Path root, Path lake) {
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(root)) {
      paths =
          walk.filter(Files::isRegularFile)
              .filter(path -> !path.startsWith(lake))
              .filter(path -> !path.getFileName().toString().startsWith("."))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the deposits in " + root, e);
    }
    List<Deposit> deposits = new ArrayList<>();
    for (Path path : paths) {
      Path relative = root.relativize(path);
      Deposit deposit = new Deposit(path, relative.toString().replace('\\', '/'));
      deposits.add(deposit);
      String lower = deposit.name.toLowerCase(Locale.ROOT);
      try {
        if (lower.endsWith(".xml")) {
          detectXml(deposit, relative);
        } else if (lower.endsWith(".csv")) {
          detectCsv(deposit, relative);
        } else {
          deposit.kind = Deposit.Kind.IGNORED;
          notDepositWarning(lower).ifPresent(deposit.warnings::add);
        }
      } catch (FileRejected e) {
        deposit.reject(e.getMessage());
      }
    }
    ssdaYears(deposits);
    for (Deposit deposit : deposits) {
      if (deposit.ssda903()
          && deposit.year.isPresent()
          && !ssdaSchema.years().contains(deposit.year.get())) {
        deposit.reject(
            String.format(
                Locale.ROOT,
                "its collection year %d is outside the years the schema covers (%d-%d)",
                deposit.year.get(),
                ssdaSchema.years().first(),
                ssdaSchema.years().last()));
      }
    }
    rejectDuplicates(deposits);
    return deposits;
  }

  /** A warning for a skipped file that may well hold a deposit: an archive or a spreadsheet. */
  static Optional<String> notDepositWarning(String lowerName) {
    String extension = lowerName.substring(lowerName.lastIndexOf('.') + 1);
    return switch (extension) {
      case "zip", "gz", "tgz", "tar", "7z", "rar", "bz2", "xz" ->
          Optional.of(
              "skipped: a compressed file (."
                  + extension
                  + ") is not read; unpack it under the"
                  + " deposits folder and run ingest again");
      case "xlsx", "xlsm", "xls", "ods" ->
          Optional.of(
              "skipped: a spreadsheet (."
                  + extension
                  + ") is not read; save each sheet as CSV"
                  + " UTF-8 and run ingest again");
      default -> Optional.empty();
    };
  }

  private void detectXml(Deposit deposit, Path relative) throws FileRejected {
    deposit.la = PathHints.la(relative);
    String root = CinXmlReader.rootName(deposit.path);
    String ssdaRoot = ssdaSchema.xml().orElseThrow().root();
    if (root.equals(ssdaRoot)) {
      deposit.kind = Deposit.Kind.SSDA903_XML;
      ssdaLaAndYear(deposit, relative); // the XML carries neither, as the CSV tables
      return;
    }
    if (!root.equals("Message")) {
      throw new FileRejected(
          "its root element is <"
              + root
              + ">: neither a CIN census (<Message>) nor an SSDA903 return (<"
              + ssdaRoot
              + ">)");
    }
    deposit.kind = Deposit.Kind.CIN_CENSUS;
    Map<String, String> header = CinXmlReader.header(deposit.path);
    if (!"CIN".equals(header.get("Collection"))) {
      throw new FileRejected(
          "its Header/CollectionDetails/Collection is '"
              + header.getOrDefault("Collection", "")
              + "', not 'CIN': not a CIN census file");
    }
    Optional<LocalDate> reference =
        Optional.ofNullable(header.get("ReferenceDate")).flatMap(text -> Values.date(text, false));
    if (reference.isEmpty()) {
      throw new FileRejected(
          "its Header/CollectionDetails/ReferenceDate is missing or not a date (yyyy-mm-dd), so"
              + " its collection year is unknown");
    }
    int year = reference.get().getYear();
    deposit.year = Optional.of(year);
    TreeSet<Integer> named = PathHints.years(relative);
    if (!named.isEmpty() && !named.equals(new TreeSet<>(Set.of(year)))) {
      deposit.warnings.add(
          String.format(
              Locale.ROOT,
              "the path names year %s but the ReferenceDate %s gives collection year %d; the"
                  + " content wins",
              named.size() == 1 ? named.first().toString() : named.toString(),
              reference.get(),
              year));
    }
    Optional<String> lea =
        Optional.ofNullable(header.get("LEA")).filter(code -> code.matches("\\d{3}"));
    if (lea.isPresent()) {
      deposit.la = lea;
    }
  }

  private void detectCsv(Deposit deposit, Path relative) throws FileRejected {
    List<String> header = Ssda903Ingester.header(deposit.path);
    if (header.contains("TIME_PERIOD")) {
      deposit.kind = Deposit.Kind.IGNORED; // published statistics (EES/ONS layout), not a deposit
      return;
    }
    if (header.contains("LA_CODE")) {
      deposit.kind = Deposit.Kind.INSTRUMENT; // survey, audit, ...: docs/instruments.md
      deposit.la = PathHints.la(relative);
      return;
    }
    deposit.kind = Deposit.Kind.SSDA903;
    deposit.table = Optional.of(new Ssda903Ingester(ssdaSchema, ssdaSpec, null).match(header));
    ssdaLaAndYear(deposit, relative);
  }

  /**
   * A warning when {@code la} is not the 3-digit code of an English LA with children's services, or
   * was not in use in collection year {@code year}: the rows are kept, but the indicators cannot
   * name the LA, place it in a region or find its population.
   */
  static Optional<String> laCodeWarning(String la, Optional<Integer> year) {
    Optional<LaCodeEntry> entry = LaCrosswalk.byOldCode(la);
    if (entry.isEmpty()) {
      return Optional.of(
          "LA code "
              + la
              + " is not the code of an English local authority (DfE's 3-digit codes in"
              + " data-schemas/reference/la_code_crosswalk.csv), so no region or population can be"
              + " found for it; check the LEA in the header or the folder name");
    }
    if (year.isPresent() && LaCrosswalk.byOldCode(la, year.get()).isEmpty()) {
      LaCodeEntry known = entry.get();
      return Optional.of(
          String.format(
              Locale.ROOT,
              "LA code %s (%s) was not in use in collection year %d (in use %s to %s); check the"
                  + " year, or use the code of the LA that existed then",
              la,
              known.name(),
              year.get(),
              known.firstYear().isPresent() ? known.firstYear().getAsInt() : "before 2013",
              known.lastYear().isPresent() ? known.lastYear().getAsInt() : "now"));
    }
    return Optional.empty();
  }

  /** An SSDA903 deposit's LA and collection year, from its path. */
  private static void ssdaLaAndYear(Deposit deposit, Path relative) throws FileRejected {
    deposit.la = PathHints.la(relative);
    if (deposit.la.isEmpty()) {
      throw new FileRejected(
          "no folder on its path is a 3-digit LA code; put the SSDA903 tables in a folder named by"
              + " the LA code, e.g. 855/2016/episodes.csv");
    }
    TreeSet<Integer> years = PathHints.years(relative);
    if (years.isEmpty()) {
      throw new FileRejected("its path names no collection year. " + PathHints.NAMING_ADVICE);
    }
    if (years.size() > 1) {
      throw new FileRejected(
          "its path names more than one year " + years + ". " + PathHints.NAMING_ADVICE);
    }
    deposit.year = Optional.of(years.first());
  }

  /**
   * The SSDA903 tables of one LA and path year are one return. When most of its episodes start
   * after 31 March of the path's year, the path named the year the return starts (2017 for
   * 2017-18): the content wins, with a warning, for every table of the return.
   */
  private void ssdaYears(List<Deposit> deposits) {
    Map<String, List<Deposit>> returns = new LinkedHashMap<>();
    for (Deposit deposit : deposits) {
      if (deposit.ssda903() && deposit.rejection.isEmpty()) {
        String folder =
            Optional.ofNullable(deposit.path.getParent()).map(Path::toString).orElse("");
        returns
            .computeIfAbsent(
                deposit.la.orElseThrow() + "|" + deposit.year.orElseThrow() + "|" + folder,
                key -> new ArrayList<>())
            .add(deposit);
      }
    }
    for (List<Deposit> group : returns.values()) {
      Optional<Deposit> episodes =
          group.stream()
              .filter(
                  deposit ->
                      deposit.kind == Deposit.Kind.SSDA903_XML
                          || deposit.table.orElseThrow().table().name().equals("episodes"))
              .findFirst();
      if (episodes.isEmpty()) {
        continue;
      }
      int year = episodes.get().year.orElseThrow();
      List<LocalDate> starts;
      try {
        starts =
            episodes.get().kind == Deposit.Kind.SSDA903_XML
                ? new Ssda903Ingester(ssdaSchema, ssdaSpec, null)
                    .xmlDates(episodes.get().path, "episodes", "DECOM")
                : Ssda903Ingester.dates(episodes.get().path, "DECOM");
      } catch (FileRejected e) {
        continue;
      }
      LocalDate end = LocalDate.of(year, 3, 31);
      long later = starts.stream().filter(date -> date.isAfter(end)).count();
      if (!starts.isEmpty() && later * 2 > starts.size()) {
        for (Deposit deposit : group) {
          deposit.year = Optional.of(year + 1);
          deposit.warnings.add(
              String.format(
                  Locale.ROOT,
                  "the path names %d but %d of the return's %d episodes start after 31 March %d:"
                      + " read as collection year %d (%d-%02d); name the folder %d-%02d to"
                      + " silence this",
                  year,
                  later,
                  starts.size(),
                  year,
                  year + 1,
                  year,
                  (year + 1) % 100,
                  year,
                  (year + 1) % 100));
        }
      }
    }
  }

  /**
   * Two files for the same table, LA and year cannot both be right: reject both (an SSDA903 XML
   * holds every table it carries).
   */
  private void rejectDuplicates(List<Deposit> deposits) {
    Map<String, List<Deposit>> byKey = new LinkedHashMap<>();
    for (Deposit deposit : deposits) {
      if (deposit.rejection.isEmpty()
          && (deposit.kind == Deposit.Kind.CIN_CENSUS || deposit.ssda903())) {
        List<String> kinds =
            deposit.kind == Deposit.Kind.SSDA903_XML
                ? ssdaSchema.xmlTables().stream().map(table -> "ssda903/" + table.name()).toList()
                : List.of(deposit.kindName());
        for (String kind : kinds) {
          byKey
              .computeIfAbsent(
                  kind + "|" + deposit.la.orElse("") + "|" + deposit.year.orElse(0),
                  key -> new ArrayList<>())
              .add(deposit);
        }
      }
    }
    for (Map.Entry<String, List<Deposit>> group : byKey.entrySet()) {
      List<Deposit> same = group.getValue();
      if (same.size() > 1) {
        List<String> names = same.stream().map(deposit -> deposit.name).toList();
        for (Deposit deposit : same) {
          deposit.reject(
              String.format(
                  Locale.ROOT,
                  "%d files hold %s for LA %s, collection year %d (%s); deposit one of them",
                  same.size(),
                  group.getKey().substring(0, group.getKey().indexOf('|')),
                  deposit.la.orElse("?"),
                  deposit.year.orElse(0),
                  String.join(", ", names)));
        }
      }
    }
  }

  static String sha256(Path file) {
    try (InputStream in =
        new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  // ---- row buffering ------------------------------------------------------------------------

  /** Rows of files already read, written to the staging area in large batches. */
  private static final class Pending {
    private final LakeStage stage;
    private final Map<LakeTable, List<LakeRow>> rows = new LinkedHashMap<>();
    private int size;
    private int batches;

    Pending(LakeStage stage) {
      this.stage = stage;
    }

    void add(Map<LakeTable, List<LakeRow>> more) {
      more.forEach(
          (table, list) -> rows.computeIfAbsent(table, t -> new ArrayList<>()).addAll(list));
      size += more.values().stream().mapToInt(List::size).sum();
      if (size >= FLUSH_ROWS) {
        flush();
      }
    }

    void flush() {
      String batch = "b" + (++batches);
      rows.forEach((table, list) -> stage.write(batch, table, list));
      rows.clear();
      size = 0;
    }
  }

  /** The rows of one file; spilled to the file's own staging batch when the file is large. */
  private static final class FileSink implements RowSink {
    private final LakeStage stage;
    private final String batch;
    private final Map<String, Long> byRule;
    private final Map<String, Long> fileRules = new TreeMap<>();
    private final Map<LakeTable, List<LakeRow>> rows = new LinkedHashMap<>();
    private int size;
    private boolean spilled;
    long written;
    long quarantined;

    FileSink(LakeStage stage, String batch, Map<String, Long> byRule) {
      this.stage = stage;
      this.batch = batch;
      this.byRule = byRule;
    }

    @Override
    public void accept(LakeRow row) {
      add(row);
      written++;
    }

    @Override
    public void quarantine(LakeRow row) {
      add(row);
      quarantined++;
      String rule = (String) row.values()[4];
      fileRules.merge(rule, 1L, Long::sum);
      byRule.merge(rule, 1L, Long::sum);
    }

    private void add(LakeRow row) {
      rows.computeIfAbsent(row.table(), table -> new ArrayList<>()).add(row);
      if (++size >= FLUSH_ROWS) {
        spill();
      }
    }

    private void spill() {
      rows.forEach((table, list) -> stage.write(batch, table, list));
      rows.clear();
      size = 0;
      spilled = true;
    }

    void finish(Pending pending) {
      if (spilled) {
        spill();
      } else {
        pending.add(rows);
      }
    }

    void discard() {
      if (spilled) {
        stage.discard(batch);
      }
      rows.clear();
    }

    void undoRuleCounts() {
      fileRules.forEach((rule, count) -> byRule.merge(rule, -count, Long::sum));
      byRule.values().removeIf(count -> count == 0);
    }

    String summary() {
      StringBuilder text = new StringBuilder();
      text.append(quarantined).append(" rows quarantined (");
      String separator = "";
      for (Map.Entry<String, Long> entry : fileRules.entrySet()) {
        text.append(separator).append(entry.getKey()).append(' ').append(entry.getValue());
        separator = ", ";
      }
      return text.append(')').toString();
    }
  }
}
