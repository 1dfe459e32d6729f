package org.soseval.pipeline.lake;

import java.util.Objects;
import java.util.Optional;

/**
 * One row of {@code LAKE/_ledger/ledger.csv}: what became of one deposited file. For every file
 * {@code rowsRead == rowsWritten + rowsQuarantined}; a row is a CSV data line, or one record of one
 * of the normalised tables of a CIN census XML (docs/ingest.md).
 */
public record LedgerEntry(
    String file,
    String sha256,
    String kind,
    Optional<Integer> collectionYear,
    Optional<String> laCode,
    String schemaVersion,
    long rowsRead,
    long rowsWritten,
    long rowsQuarantined,
    String status,
    String message) {

  public static final String OK = "ok";
  public static final String QUARANTINED = "ok_with_quarantine";
  public static final String REJECTED = "rejected";

  public LedgerEntry {
    Objects.requireNonNull(file, "file is null");
    Objects.requireNonNull(status, "status is null");
    Objects.requireNonNull(message, "message is null");
    if (rowsRead != rowsWritten + rowsQuarantined) {
      throw new IllegalArgumentException(
          "ledger row for "
              + file
              + " must have rows_read = rows_written + rows_quarantined: "
              + rowsRead
              + " != "
              + rowsWritten
              + " + "
              + rowsQuarantined);
    }
  }
}
