package org.soseval.pipeline.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One record of one normalised table as read from a CIN census XML: the text of its leaves, where
 * it was, its nested records, and the problems the reader found (unknown elements).
 */
final class RawRecord {
  final String table;
  final String location;
  final RawRecord parent;
  final Map<String, String> values = new LinkedHashMap<>();
  final List<RawRecord> children = new ArrayList<>();
  final List<Violation> violations = new ArrayList<>();

  RawRecord(String table, String location, RawRecord parent) {
    this.table = table;
    this.location = location;
    this.parent = parent;
  }

  /** The non-blank text of leaf {@code name}. */
  Optional<String> value(String name) {
    String value = values.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  /** This record and every record nested in it, depth first in document order. */
  List<RawRecord> flatten() {
    List<RawRecord> all = new ArrayList<>();
    collect(this, all);
    return all;
  }

  private static void collect(RawRecord record, List<RawRecord> all) {
    all.add(record);
    for (RawRecord child : record.children) {
      collect(child, all);
    }
  }
}
