package org.soseval.pipeline.ingest;

import org.soseval.pipeline.lake.LakeRow;

/** Receives the rows of one file: those for the lake and those for the quarantine. */
interface RowSink {
  void accept(LakeRow row);

  void quarantine(LakeRow row);
}
