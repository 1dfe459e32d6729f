package org.soseval.pipeline.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.soseval.pipeline.schemas.CsvColumn;
import org.soseval.pipeline.schemas.CsvSchema;
import org.soseval.pipeline.schemas.CsvTable;
import org.soseval.pipeline.schemas.SchemaRegistry;

/**
 * Writes an SSDA903 return given as CSV tables ({@code TABLE.csv} in one folder, as {@link
 * Ssda903Writer} writes them) as the same return in XML, driven by the schema's {@code xml} layout:
 * one {@code <CHILD>} per child of the header table, holding its {@code <HEADER>} (the header's
 * fields, the fields of the header-items tables, the UASC flag, the nested records) and its {@code
 * <EPISODE>}s. Fields a record shares with the header ({@code CHILD}, {@code SEX}, {@code DOB}) are
 * written once, in the header. Tables the XML does not carry (SWEpisodes) are not written.
 */
public final class Ssda903XmlWriter {
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
  private static final CsvSchema SCHEMA = SchemaRegistry.ssda903();

  private final XMLStreamWriter xml;
  private final CsvSchema.XmlLayout layout = SCHEMA.xml().orElseThrow();
  private final CsvTable header;

  private Ssda903XmlWriter(XMLStreamWriter xml) {
    this.xml = xml;
    this.header = SCHEMA.xmlHeader();
  }

  /**
   * Writes the tables in {@code folder} (a missing table has no rows) as XML to {@code out}.
   *
   * @throws IllegalArgumentException when a table has a child the header table does not, or two
   *     rows for a child where the XML holds one (header, UASC, AD1, OC3)
   */
  public static void fromCsvTables(Path folder, OutputStream out) throws IOException {
    try {
      XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
      new Ssda903XmlWriter(xml).document(folder);
      xml.close();
    } catch (XMLStreamException e) {
      throw new IOException("Cannot write SSDA903 XML: " + e.getMessage(), e);
    }
  }

  private void document(Path folder) throws IOException, XMLStreamException {
    String child = header.columns().get(0).name();
    Map<String, Map<String, List<Map<String, String>>>> children = new LinkedHashMap<>();
    for (Map<String, String> row : rows(folder, header)) {
      children.computeIfAbsent(row.get(child), id -> new LinkedHashMap<>());
    }
    for (CsvTable table : SCHEMA.xmlTables()) {
      for (Map<String, String> row : rows(folder, table)) {
        Map<String, List<Map<String, String>>> tables = children.get(row.get(child));
        if (tables == null) {
          throw new IllegalArgumentException(
              table.file() + ".csv has a child that " + header.file() + ".csv does not have");
        }
        List<Map<String, String>> same =
            tables.computeIfAbsent(table.name(), name -> new ArrayList<>());
        if (!same.isEmpty() && (table == header || table.xml().get().whenGiven())) {
          throw new IllegalArgumentException(
              table.file() + ".csv has two rows for one child; the XML holds one");
        }
        same.add(row);
      }
    }
    xml.writeStartDocument("UTF-8", "1.0");
    xml.writeStartElement(layout.root());
    for (Map<String, List<Map<String, String>>> tables : children.values()) {
      xml.writeCharacters("\n");
      child(tables);
    }
    xml.writeCharacters("\n");
    xml.writeEndElement();
    xml.writeEndDocument();
  }

  private void child(Map<String, List<Map<String, String>>> tables) throws XMLStreamException {
    xml.writeStartElement(layout.child());
    xml.writeStartElement(layout.header().substring(layout.header().indexOf('/') + 1));
    fields(header, tables.get(header.name()).get(0));
    for (CsvTable table : SCHEMA.xmlTables()) {
      CsvTable.XmlRows place = table.xml().get();
      List<Map<String, String>> rows = tables.getOrDefault(table.name(), List.of());
      if (place.whenGiven()) {
        if (place.flag().isPresent()) {
          leaf(place.flag().get(), rows.isEmpty() ? "0" : "1");
        }
        if (!rows.isEmpty()) {
          fields(table, rows.get(0));
        }
      } else if (place.path().startsWith(layout.header() + "/")) {
        nested(table, place.path().substring(layout.header().length() + 1), rows);
      }
    }
    xml.writeEndElement();
    for (CsvTable table : SCHEMA.xmlTables()) {
      String path = table.xml().get().path();
      if (!path.startsWith(layout.header()) && table != header) {
        nested(
            table,
            path.substring(layout.child().length() + 1),
            tables.getOrDefault(table.name(), List.of()));
      }
    }
    xml.writeEndElement();
  }

  private void nested(CsvTable table, String element, List<Map<String, String>> rows)
      throws XMLStreamException {
    if (element.contains("/")) {
      throw new IllegalStateException("schema ssda903: " + element + " is nested too deep");
    }
    for (Map<String, String> row : rows) {
      xml.writeStartElement(element);
      fields(table, row);
      xml.writeEndElement();
    }
  }

  /** The fields of {@code row} that {@code table} does not share with the header. */
  private void fields(CsvTable table, Map<String, String> row) throws XMLStreamException {
    for (CsvColumn column : table.columns()) {
      boolean shared =
          table != header
              && header.columns().stream().anyMatch(c -> c.name().equals(column.name()));
      if (!shared) {
        leaf(column.xmlName(), row.getOrDefault(column.name(), ""));
      }
    }
  }

  private void leaf(String name, String value) throws XMLStreamException {
    if (value == null || value.isEmpty()) {
      xml.writeEmptyElement(name);
    } else {
      xml.writeStartElement(name);
      xml.writeCharacters(value);
      xml.writeEndElement();
    }
  }

  private static List<Map<String, String>> rows(Path folder, CsvTable table) throws IOException {
    Path file = folder.resolve(table.file() + ".csv");
    List<Map<String, String>> rows = new ArrayList<>();
    if (!Files.isRegularFile(file)) {
      return rows;
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (CSVRecord record :
          CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
        rows.add(record.toMap());
      }
    }
    return rows;
  }
}
