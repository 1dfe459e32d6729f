package org.soseval.pipeline.ingest;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soseval.pipeline.Progress;
import org.soseval.pipeline.generate.Designs;
import org.soseval.pipeline.generate.SyntheticDeposits;
import org.soseval.pipeline.lake.LakeRow;
import org.soseval.pipeline.privacy.Pseudonymiser;
import org.soseval.pipeline.schemas.SchemaRegistry;

/**
 * Not part of the build (tag {@code national-scale}, excluded by surefire): measures how fast a
 * national-size CIN census XML is streamed, validated and normalised (no Spark). Run with {@code
 * mvn -o -pl pipeline test -Dtest=CinXmlThroughputBenchmark -Dtest.excludedGroups=none
 * -Dsos.benchmark.mb=300}; docs/performance.md has the results.
 */
@Tag("national-scale")
class CinXmlThroughputBenchmark {
  @Test
  void streamsANationalSizeCensus(@TempDir Path temp) throws Exception {
    int megabytes = Integer.getInteger("sos.benchmark.mb", 300);
    Path deposits = temp.resolve("deposits");
    SyntheticDeposits.generate(
        Designs.random(2019, 2019, 11, 1.0, 1, 0, LocalDate.of(2018, 10, 1), List.of()),
        deposits,
        Progress.SILENT);
    Path source;
    try (Stream<Path> files = Files.walk(deposits)) {
      source = files.filter(p -> p.toString().endsWith(".xml")).findFirst().orElseThrow();
    }
    Path big = temp.resolve("national.xml");
    String text = Files.readString(source);
    int start = text.indexOf("<Child>");
    int end = text.lastIndexOf("</Children>");
    String children = text.substring(start, end);
    try (BufferedWriter out = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
      out.write(text.substring(0, start));
      long written = 0;
      int copy = 0;
      while (written < megabytes * 1_000_000L) {
        // distinct child IDs per copy, so the file looks like many LAs' children
        String renamed = children.replace("<LAchildID>", "<LAchildID>C" + copy++ + "-");
        out.write(renamed);
        written += renamed.length();
      }
      out.write(text.substring(end));
    }
    CinIngester ingester =
        new CinIngester(
            SchemaRegistry.cinCensus(),
            SchemaRegistry.ingestSpec(SchemaRegistry.CIN_CENSUS),
            new CinLayout(
                SchemaRegistry.cinCensus(), SchemaRegistry.ingestSpec(SchemaRegistry.CIN_CENSUS)),
            Pseudonymiser.create(FixturesIngestTest.KEY));
    long[] rows = new long[2];
    RowSink counting =
        new RowSink() {
          @Override
          public void accept(LakeRow row) {
            rows[0]++;
          }

          @Override
          public void quarantine(LakeRow row) {
            rows[1]++;
          }
        };
    long size = Files.size(big);
    long started = System.nanoTime();
    ingester.ingest(big, "national.xml", java.util.Optional.empty(), counting);
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "CIN XML throughput: %.1f MB in %.1f s = %.1f MB/s; %,d rows (%,d quarantined) = %,.0f rows/s%n",
        size / 1e6,
        seconds,
        size / 1e6 / seconds,
        rows[0] + rows[1],
        rows[1],
        (rows[0] + rows[1]) / seconds);
  }
}
