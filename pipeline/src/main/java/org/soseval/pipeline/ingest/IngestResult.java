package org.soseval.pipeline.ingest;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.soseval.pipeline.lake.LedgerEntry;

/**
 * What a run of ingest did: one ledger entry per file it looked at, the warnings, and the number of
 * quarantined rows by rule id.
 */
public record IngestResult(
    List<LedgerEntry> files,
    List<String> warnings,
    Map<String, Long> quarantinedByRule,
    List<String> recovered) {
  public IngestResult {
    files = List.copyOf(files);
    warnings = List.copyOf(warnings);
    quarantinedByRule = Map.copyOf(Objects.requireNonNull(quarantinedByRule));
    recovered = List.copyOf(recovered);
  }

  public long rowsWritten() {
    return files.stream().mapToLong(LedgerEntry::rowsWritten).sum();
  }

  public long rowsQuarantined() {
    return files.stream().mapToLong(LedgerEntry::rowsQuarantined).sum();
  }

  public List<LedgerEntry> rejected() {
    return files.stream().filter(entry -> entry.status().equals(LedgerEntry.REJECTED)).toList();
  }
}
