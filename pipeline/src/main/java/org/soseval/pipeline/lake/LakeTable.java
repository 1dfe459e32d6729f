package org.soseval.pipeline.lake;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A dataset of the lake: its folder (relative to the lake) and its columns. Every dataset is
 * partitioned by {@code la} and {@code year} (the collection year), which are folder names, not
 * columns of the files.
 */
public record LakeTable(String folder, List<Column> columns) {
  /** The column types the lake uses. */
  public enum Type {
    STRING,
    INTEGER,
    DOUBLE,
    DATE,
    BOOLEAN,
    STRING_MAP;

    DataType sparkType() {
      return switch (this) {
        case STRING -> DataTypes.StringType;
        case INTEGER -> DataTypes.IntegerType;
        case DOUBLE -> DataTypes.DoubleType;
        case DATE -> DataTypes.DateType;
        case BOOLEAN -> DataTypes.BooleanType;
        case STRING_MAP -> DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType);
      };
    }
  }

  /** A column: name, type, and a one-line description for the data dictionary. */
  public record Column(String name, Type type, String description) {
    public Column {
      Objects.requireNonNull(name, "name is null");
      Objects.requireNonNull(type, "type is null");
      Objects.requireNonNull(description, "description is null");
    }
  }

  public LakeTable {
    Objects.requireNonNull(folder, "folder is null");
    columns = List.copyOf(columns);
    if (columns.stream().map(Column::name).distinct().count() != columns.size()) {
      throw new IllegalArgumentException("dataset " + folder + " repeats a column name");
    }
  }

  /** The quarantine of every dataset has these columns. */
  public static LakeTable quarantine(String dataset) {
    return new LakeTable(
        "_quarantine/" + dataset,
        List.of(
            new Column("collection_year", Type.INTEGER, "collection year of the file"),
            new Column("source_file", Type.STRING, "the deposit, relative to --deposits"),
            new Column("location", Type.STRING, "CSV line or XML line and element path"),
            new Column("field", Type.STRING, "the field of the first failed rule"),
            new Column("rule", Type.STRING, "the id of the first failed rule (docs/ingest.md)"),
            new Column("message", Type.STRING, "what is wrong"),
            new Column("all_rules", Type.STRING, "every failed rule as field:rule, ';'-separated"),
            new Column(
                "values",
                Type.STRING_MAP,
                "the row's values, identifiers pseudonymised and dates of birth reduced")));
  }

  public int index(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("dataset " + folder + " has no column " + name);
  }

  /** The Spark schema: the columns, then the partition columns {@code la} and {@code year}. */
  public StructType sparkSchema() {
    List<StructField> fields = new ArrayList<>();
    for (Column column : columns) {
      fields.add(DataTypes.createStructField(column.name(), column.type().sparkType(), true));
    }
    fields.add(DataTypes.createStructField("la", DataTypes.StringType, false));
    fields.add(DataTypes.createStructField("year", DataTypes.IntegerType, false));
    return DataTypes.createStructType(fields);
  }
}
