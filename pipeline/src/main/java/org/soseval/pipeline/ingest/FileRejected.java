package org.soseval.pipeline.ingest;

/**
 * A deposit that cannot be ingested at all (unreadable, wrong kind, carries a direct identifier).
 * Its message names the reason and what to do, never a value from the file.
 */
final class FileRejected extends Exception {
  private static final long serialVersionUID = 1L;

  FileRejected(String message) {
    super(message);
  }

  FileRejected(String message, Throwable cause) {
    super(message, cause);
  }
}
