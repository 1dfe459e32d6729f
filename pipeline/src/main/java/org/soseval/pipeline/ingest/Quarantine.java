package org.soseval.pipeline.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.soseval.pipeline.lake.LakeRow;
import org.soseval.pipeline.lake.LakeTable;

/** Builds quarantine rows. */
final class Quarantine {
  private static final Map<String, LakeTable> TABLES = new ConcurrentHashMap<>();

  private Quarantine() {}

  static LakeTable table(String dataset) {
    return TABLES.computeIfAbsent(dataset, LakeTable::quarantine);
  }

  static LakeRow row(
      String dataset,
      String la,
      int year,
      String sourceFile,
      String location,
      List<Violation> violations,
      Map<String, String> values) {
    Violation first = violations.get(0);
    String all =
        violations.stream()
            .map(violation -> violation.field() + ":" + violation.rule())
            .distinct()
            .collect(Collectors.joining(";"));
    return new LakeRow(
        table(dataset),
        la,
        year,
        new Object[] {
          year,
          sourceFile,
          location,
          first.field(),
          first.rule(),
          first.message(),
          all,
          new LinkedHashMap<>(values)
        });
  }
}
