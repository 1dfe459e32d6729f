package org.soseval.pipeline.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A file found under the deposits folder, and what detection made of it. */
final class Deposit {
  enum Kind {
    CIN_CENSUS,
    SSDA903,
    /** A whole SSDA903 return as one XML. */
    SSDA903_XML,
    INSTRUMENT,
    IGNORED,
    UNKNOWN
  }

  final Path path;
  final String name;
  Kind kind = Kind.UNKNOWN;
  Optional<Ssda903Ingester.Match> table = Optional.empty();
  Optional<String> instrument = Optional.empty();
  Optional<String> la = Optional.empty();
  Optional<Integer> year = Optional.empty();
  Optional<String> rejection = Optional.empty();
  final List<String> warnings = new ArrayList<>();

  Deposit(Path path, String name) {
    this.path = path;
    this.name = name;
  }

  String kindName() {
    return switch (kind) {
      case CIN_CENSUS -> "cin_census";
      case SSDA903 -> "ssda903/" + table.map(match -> match.table().name()).orElse("?");
      case SSDA903_XML -> "ssda903";
      case INSTRUMENT -> "instrument" + instrument.map(name -> "/" + name).orElse("");
      case IGNORED -> "ignored";
      case UNKNOWN -> "unknown";
    };
  }

  /** Whether the deposit is an SSDA903 return or a table of one. */
  boolean ssda903() {
    return kind == Kind.SSDA903 || kind == Kind.SSDA903_XML;
  }

  void reject(String reason) {
    if (rejection.isEmpty()) {
      rejection = Optional.of(reason);
    }
  }
}
