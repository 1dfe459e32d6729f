package org.soseval.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.soseval.pipeline.derive.PeriodsOfCare;
import org.soseval.pipeline.lake.LakeTable;

/**
 * {@code docs/data-dictionary.md} is generated from the schemas (through the lake layouts ingest
 * builds from them); this test fails when it is stale. Regenerate with {@code mvn -o -pl pipeline
 * test -Dtest=DataDictionaryTest -Dsos.dictionary.write=true}.
 */
class DataDictionaryTest {
  private static final Path DICTIONARY =
      Path.of(System.getProperty("user.dir")).resolve("../docs/data-dictionary.md").normalize();

  static String render() {
    StringBuilder text = new StringBuilder();
    text.append("# Lake data dictionary\n\n")
        .append("Generated from `data-schemas/` by `DataDictionaryTest` (do not edit by hand).")
        .append(" Every dataset is partitioned by `la` (3-digit LA code) and `year` (collection")
        .append(" year; for the `instrument_` datasets the reporting year of the row's `year_from`")
        .append(" date, see docs/instruments.md), which are folder names, not columns of the")
        .append(" files; read with")
        .append(" `spark.sql.sources.partitionColumnTypeInference.enabled=false` to keep `la` a")
        .append(" string. See docs/ingest.md for the rules.\n");
    for (LakeTable table : Ingest.lakeTables()) {
      appendTable(text, table);
    }
    appendTable(text, PeriodsOfCare.TABLE); // derived from ssda903_episodes after each ingest
    appendTable(text, LakeTable.quarantine("<dataset>"));
    return text.toString();
  }

  private static void appendTable(StringBuilder text, LakeTable table) {
    text.append("\n## `").append(table.folder()).append("`\n\n");
    text.append("| column | type | meaning |\n|---|---|---|\n");
    for (LakeTable.Column column : table.columns()) {
      text.append("| `")
          .append(column.name())
          .append("` | ")
          .append(column.type().name().toLowerCase(java.util.Locale.ROOT))
          .append(" | ")
          .append(column.description().replace("|", "\\|"))
          .append(" |\n");
    }
  }

  @Test
  void dataDictionaryMatchesTheSchemas() throws IOException {
    String expected = render();
    if (Boolean.getBoolean("sos.dictionary.write")) {
      Files.writeString(DICTIONARY, expected, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(DICTIONARY))
        .as("%s is missing; run with -Dsos.dictionary.write=true", DICTIONARY)
        .isTrue();
    assertThat(Files.readString(DICTIONARY, StandardCharsets.UTF_8))
        .as("docs/data-dictionary.md is stale; run with -Dsos.dictionary.write=true")
        .isEqualTo(expected);
  }
}
