package org.soseval.pipeline.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soseval.pipeline.lake.LakeTable;
import org.soseval.pipeline.lake.LakeTable.Column;
import org.soseval.pipeline.lake.LakeTable.Type;
import org.soseval.pipeline.schemas.FieldType;
import org.soseval.pipeline.schemas.IdentifierClass;
import org.soseval.pipeline.schemas.IngestSpec;
import org.soseval.pipeline.schemas.XmlElement;
import org.soseval.pipeline.schemas.XmlSchema;

/**
 * The normalised tables of the CIN census as the schema marks them, and the lake dataset of each:
 * {@code cin_<table>}, with the child key, the keys of the enclosing records, the table's own
 * leaves (identifiers pseudonymised) and the child's age at the record's key date.
 */
final class CinLayout {
  static final String PREFIX = "cin_";

  /** One normalised table. */
  record TableInfo(
      String name,
      XmlElement element,
      List<XmlElement> leaves,
      Map<String, Boolean> requiredLeaves,
      List<String> ancestors,
      LakeTable lake) {}

  private final Map<String, TableInfo> tables = new LinkedHashMap<>();

  CinLayout(XmlSchema schema, IngestSpec spec) {
    for (XmlElement element : schema.tableElements()) {
      String name = element.table().orElseThrow();
      List<XmlElement> leaves = new ArrayList<>();
      Map<String, Boolean> required = new LinkedHashMap<>();
      if (element.isLeaf()) {
        leaves.add(element);
        required.put(element.name(), true);
      } else {
        collectLeaves(element, true, leaves, required);
      }
      List<String> ancestors = ancestors(schema.root(), element, new ArrayList<>());
      tables.put(
          name,
          new TableInfo(
              name,
              element,
              List.copyOf(leaves),
              required,
              ancestors,
              lakeTable(name, leaves, ancestors, spec)));
    }
  }

  Map<String, TableInfo> tables() {
    return tables;
  }

  TableInfo table(String name) {
    TableInfo info = tables.get(name);
    if (info == null) {
      throw new IllegalArgumentException("the CIN census schema has no table " + name);
    }
    return info;
  }

  private static void collectLeaves(
      XmlElement group, boolean required, List<XmlElement> leaves, Map<String, Boolean> flags) {
    for (XmlElement child : group.children()) {
      if (child.table().isPresent()) {
        continue;
      }
      if (child.isLeaf()) {
        leaves.add(child);
        flags.put(child.name(), required && child.occurs().required());
      } else {
        collectLeaves(child, required && child.occurs().required(), leaves, flags);
      }
    }
  }

  /** The tables enclosing {@code target} below {@code child}, outermost first. */
  private static List<String> ancestors(XmlElement from, XmlElement target, List<String> path) {
    for (XmlElement child : from.children()) {
      if (child == target) {
        return path.stream().filter(name -> !name.equals("child")).toList();
      }
      List<String> next = new ArrayList<>(path);
      child.table().ifPresent(next::add);
      List<String> found = ancestors(child, target, next);
      if (found != null) {
        return found;
      }
    }
    return from == target ? path : null;
  }

  /** The lake column of a leaf (empty name for the child identifier, which is the child key). */
  static String columnName(XmlElement leaf, IngestSpec spec) {
    if (leaf.name().equals(spec.childId())) {
      return "";
    }
    if (leaf.identifier() == IdentifierClass.PSEUDONYMISE) {
      return leaf.name() + "_key";
    }
    return leaf.name();
  }

  static Type columnType(FieldType type) {
    return switch (type) {
      case DATE -> Type.DATE;
      case INTEGER, YEAR -> Type.INTEGER;
      case BOOLEAN -> Type.BOOLEAN;
      case STRING, CODE, DATETIME -> Type.STRING;
    };
  }

  private static LakeTable lakeTable(
      String name, List<XmlElement> leaves, List<String> ancestors, IngestSpec spec) {
    List<Column> columns = new ArrayList<>();
    columns.add(new Column("collection_year", Type.INTEGER, "collection year of the census"));
    columns.add(new Column("child_key", Type.STRING, "HMAC-SHA-256 pseudonym of LA and LAchildID"));
    for (String ancestor : ancestors) {
      IngestSpec.KeySpec key = spec.key(ancestor).orElseThrow();
      columns.add(new Column(key.as(), Type.DATE, key.field() + " of the enclosing " + ancestor));
      if (ancestor.equals("episode")) {
        columns.add(ordinal());
      }
    }
    for (XmlElement leaf : leaves) {
      String column = columnName(leaf, spec);
      if (column.isEmpty()) {
        continue;
      }
      String description =
          switch (leaf.identifier()) {
            case PSEUDONYMISE -> "HMAC-SHA-256 pseudonym of " + leaf.name();
            case DATE_OF_BIRTH -> leaf.name() + ", reduced to the first of its month";
            default ->
                leaf.name() + (leaf.codeList().map(list -> " (code list " + list + ")").orElse(""));
          };
      columns.add(new Column(column, columnType(leaf.type().orElseThrow()), description));
    }
    if (name.equals("episode")) {
      columns.add(ordinal());
    }
    spec.key(name)
        .ifPresent(
            key ->
                columns.add(
                    new Column(
                        "age_at_" + key.as(),
                        Type.INTEGER,
                        "age in whole years on "
                            + key.field()
                            + ", from the exact date of birth")));
    return new LakeTable(PREFIX + name, columns);
  }

  private static Column ordinal() {
    return new Column(
        "episode_ordinal",
        Type.INTEGER,
        "1, 2, ... among the child's episodes with the same CINreferralDate, in file order");
  }
}
