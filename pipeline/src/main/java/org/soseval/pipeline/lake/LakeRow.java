package org.soseval.pipeline.lake;

import java.util.Objects;

/** One row for a dataset of the lake, with its partition (LA code and collection year). */
public record LakeRow(LakeTable table, String la, int year, Object[] values) {
  public LakeRow {
    Objects.requireNonNull(table, "table is null");
    Objects.requireNonNull(la, "la is null");
    if (values.length != table.columns().size()) {
      throw new IllegalArgumentException(
          "a row of " + table.folder() + " needs " + table.columns().size() + " values");
    }
  }
}
