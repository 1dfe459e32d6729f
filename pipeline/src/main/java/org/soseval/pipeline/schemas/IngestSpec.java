package org.soseval.pipeline.schemas;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What ingest needs beyond a return's layout, read from the same schema file: the child identifier,
 * the key date of each table, the names of direct identifiers, and the validation rules with their
 * ids and messages.
 */
public record IngestSpec(
    String dataset,
    String childId,
    Map<String, KeySpec> keys,
    Set<String> futureDatesAllowed,
    Set<String> eventDates,
    Set<String> directIdentifierNames,
    List<String> directIdentifierStems,
    Map<String, RuleSpec> rules) {

  public IngestSpec {
    Objects.requireNonNull(dataset, "dataset is null");
    Objects.requireNonNull(childId, "childId is null");
    keys = Map.copyOf(keys);
    futureDatesAllowed = Set.copyOf(futureDatesAllowed);
    eventDates = Set.copyOf(eventDates);
    directIdentifierNames = Set.copyOf(directIdentifierNames);
    directIdentifierStems = List.copyOf(directIdentifierStems);
    rules = Map.copyOf(rules);
  }

  /** The key date of a table, and the name its value takes on the rows of nested tables. */
  public record KeySpec(String field, String as) {
    public KeySpec {
      Objects.requireNonNull(field, "field is null");
      Objects.requireNonNull(as, "as is null");
    }
  }

  /** A validation rule: its id, what a failure means, and which records it applies to. */
  public record RuleSpec(String id, String message, String scope) {
    public RuleSpec {
      Objects.requireNonNull(id, "id is null");
      Objects.requireNonNull(message, "message is null");
      Objects.requireNonNull(scope, "scope is null");
    }
  }

  public Optional<KeySpec> key(String table) {
    return Optional.ofNullable(keys.get(table));
  }

  /** The rule with {@code id}; a rule used in code but missing from the schema is a bug. */
  public RuleSpec rule(String id) {
    RuleSpec rule = rules.get(id);
    if (rule == null) {
      throw new IllegalStateException("schema " + dataset + " has no rule " + id);
    }
    return rule;
  }

  /** True when a column or element called {@code name} is a direct identifier. */
  public boolean isDirectIdentifier(String name) {
    String normalised = normalise(name);
    if (directIdentifierNames.contains(normalised)) {
      return true;
    }
    return directIdentifierStems.stream().anyMatch(normalised::contains);
  }

  static String normalise(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }
}
