package org.soseval.pipeline.compare;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.soseval.pipeline.PipelineErrors;

/**
 * DfE's children's services statistical neighbours: for each LA its ten closest LAs, nearest first,
 * in the 2021 model ({@code New_Statistical_Neighbour_Groupings_April_2021.csv}) or the 2025 model
 * ({@code sn_model_2025_wide.csv}), read from the published-statistics folder.
 */
public final class StatisticalNeighbours {
  private final String model;
  private final Map<String, List<String>> neighbours;

  private StatisticalNeighbours(String model, Map<String, List<String>> neighbours) {
    this.model = model;
    this.neighbours = neighbours;
  }

  public static String fileName(String model) {
    return switch (model) {
      case "2021" -> "New_Statistical_Neighbour_Groupings_April_2021.csv";
      case "2025" -> "sn_model_2025_wide.csv";
      default ->
          throw new IllegalArgumentException("neighbour model must be 2021 or 2025: " + model);
    };
  }

  /** Loads the model's file from {@code publicDir} or its {@code dfe/} subfolder. */
  public static StatisticalNeighbours load(Path publicDir, String model) {
    Path file = publicDir.resolve(fileName(model));
    if (!Files.isRegularFile(file)) {
      file = publicDir.resolve("dfe").resolve(fileName(model));
    }
    if (!Files.isRegularFile(file)) {
      throw PipelineErrors.usage(
          "Cannot find the " + model + " statistical neighbour model",
          file + " does not exist",
          "Point sources.public (or --public) at the folder holding DfE's published files");
    }
    Map<String, List<String>> neighbours = new TreeMap<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.RFC4180.builder().get().parse(reader)) {
      List<CSVRecord> rows = parser.getRecords();
      List<String> header = new ArrayList<>();
      rows.get(0).forEach(cell -> header.add(cell.replace("\uFEFF", "").trim()));
      int codeColumn = header.indexOf(model.equals("2021") ? "LA num" : "old_la_code");
      List<Integer> neighbourColumns = new ArrayList<>();
      for (int rank = 1; rank <= 10; rank++) {
        int column = header.indexOf(model.equals("2021") ? "SN" + rank : "SN_" + rank);
        if (column < 0) {
          throw new IOException("no column for neighbour " + rank);
        }
        neighbourColumns.add(column);
      }
      if (codeColumn < 0) {
        throw new IOException("no LA code column");
      }
      for (CSVRecord row : rows.subList(1, rows.size())) {
        String code = row.get(codeColumn).trim();
        if (!code.matches("\\d{3}")) {
          continue;
        }
        List<String> list = new ArrayList<>();
        for (int column : neighbourColumns) {
          String neighbour = column < row.size() ? row.get(column).trim() : "";
          if (neighbour.matches("\\d{3}")) {
            list.add(neighbour);
          }
        }
        neighbours.put(code, List.copyOf(list));
      }
    } catch (IOException | RuntimeException e) {
      throw PipelineErrors.usage(
          "Cannot read the statistical neighbour model " + file,
          String.valueOf(e.getMessage()),
          "Use the file as published by DfE",
          e);
    }
    return new StatisticalNeighbours(model, neighbours);
  }

  public String model() {
    return model;
  }

  /** The LA's neighbours, nearest first; empty when the model does not know the LA. */
  public List<String> of(String la) {
    return neighbours.getOrDefault(la, List.of());
  }

  public boolean knows(String la) {
    return neighbours.containsKey(la);
  }
}
