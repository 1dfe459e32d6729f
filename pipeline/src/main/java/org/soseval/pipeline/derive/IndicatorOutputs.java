package org.soseval.pipeline.derive;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.soseval.pipeline.panel.Indicator;
import org.soseval.pipeline.panel.PanelRow;
import org.soseval.pipeline.panel.PublishedValue;
import org.soseval.pipeline.panel.QualityFlag;
import org.soseval.pipeline.publish.DisclosureControl;
import org.soseval.pipeline.publish.EesWriter;
import org.soseval.pipeline.publish.PanelTables;

/**
 * Writes derived indicators: {@code OUT/panel/} (Parquet, one row per LA and reporting year,
 * unrounded and unsuppressed, with sources and quality flags) and {@code
 * OUT/publish/la_indicators.csv} (EES layout with England and regional totals, through a {@link
 * DisclosureControl}, rounded as DfE publishes).
 */
public final class IndicatorOutputs {
  /** The panel folder under OUT. */
  public static final String PANEL = "panel";

  /** The publication folder under OUT. */
  public static final String PUBLISH = "publish";

  private IndicatorOutputs() {}

  /** The panel's Parquet schema. */
  public static StructType panelSchema() {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField("time_period", DataTypes.IntegerType, false));
    for (String name :
        List.of("old_la_code", "new_la_code", "la_name", "region_code", "region_name")) {
      fields.add(DataTypes.createStructField(name, DataTypes.StringType, false));
    }
    for (Indicator indicator : Indicator.values()) {
      fields.add(DataTypes.createStructField(indicator.column(), DataTypes.DoubleType, true));
    }
    for (String name : PanelBuilder.SUPPORTING) {
      fields.add(DataTypes.createStructField(name, DataTypes.DoubleType, true));
    }
    fields.add(
        DataTypes.createStructField(
            "missing_symbols",
            DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType),
            false));
    fields.add(
        DataTypes.createStructField(
            "sources", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), false));
    fields.add(DataTypes.createStructField("quality_flags", DataTypes.StringType, false));
    return DataTypes.createStructType(fields);
  }

  /** Writes {@code rows} to {@code out/panel} (replacing it) and returns the folder. */
  public static Path writePanel(SparkSession spark, List<PanelRow> rows, Path out) {
    List<Row> data = new ArrayList<>();
    for (PanelRow row : rows) {
      List<Object> cells = new ArrayList<>();
      cells.add(row.year());
      cells.add(row.la().oldLaCode());
      cells.add(row.la().newLaCode());
      cells.add(row.la().name());
      cells.add(row.la().regionCode());
      cells.add(row.la().regionName());
      Map<String, String> symbols = new LinkedHashMap<>();
      for (Indicator indicator : Indicator.values()) {
        cells.add(number(row.value(indicator), indicator.column(), symbols));
      }
      for (String name : PanelBuilder.SUPPORTING) {
        cells.add(
            number(
                row.supporting().getOrDefault(name, PublishedValue.missing("x")), name, symbols));
      }
      cells.add(scalaMap(symbols));
      Map<String, String> sources = new LinkedHashMap<>();
      row.sources().forEach((indicator, source) -> sources.put(indicator.column(), source));
      cells.add(scalaMap(sources));
      cells.add(row.flags().stream().map(QualityFlag::describe).collect(Collectors.joining("; ")));
      data.add(RowFactory.create(cells.toArray()));
    }
    Path folder = out.resolve(PANEL);
    spark
        .createDataFrame(data, panelSchema())
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(folder.toString());
    return folder;
  }

  /**
   * Writes {@code out/publish/la_indicators.csv} and its {@code .meta.csv}: the LA rows plus
   * England and regional totals over the LAs present, after {@code control}.
   */
  public static EesWriter.Written writePublished(
      List<PanelRow> rows, DisclosureControl control, Path out) {
    return EesWriter.write(PanelTables.laIndicators(rows), control, out.resolve(PUBLISH));
  }

  private static Double number(PublishedValue value, String name, Map<String, String> symbols) {
    if (value.isPresent()) {
      return value.number();
    }
    symbols.put(name, value.symbol().orElseThrow());
    return null;
  }

  private static scala.collection.Map<String, String> scalaMap(Map<String, String> map) {
    return scala.jdk.javaapi.CollectionConverters.asScala(map);
  }
}
