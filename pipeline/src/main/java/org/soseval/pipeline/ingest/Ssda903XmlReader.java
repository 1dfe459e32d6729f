package org.soseval.pipeline.ingest;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.soseval.pipeline.schemas.CsvColumn;
import org.soseval.pipeline.schemas.CsvSchema;
import org.soseval.pipeline.schemas.CsvTable;
import org.soseval.pipeline.schemas.IngestSpec;

/**
 * Streams an SSDA903 return written as XML ({@code <EXPSSDA903><CHILD><HEADER>…<EPISODE>…}) with
 * StAX, never a DOM. The element names come from the SSDA903 schema (each table's {@code xml.path},
 * each column's {@code xml} name): one {@code <CHILD>} is in memory at a time, and when it closes
 * its rows are handed over as {@link Ssda903Ingester.Record}s of the CSV tables, so both forms of
 * the return go through the same validation. Columns a row's element does not carry ({@code CHILD},
 * {@code SEX}, {@code DOB}) are taken from the child's header; a header-items table ({@code when:
 * given}: UASC, AD1, OC3) has a row only when one of its own fields or its flag is given.
 */
final class Ssda903XmlReader {
  /** Receives the rows of one child, by table name, in schema order. */
  interface Handler {
    void child(Map<String, List<Ssda903Ingester.Record>> rows) throws FileRejected;
  }

  /** What the reader did not ingest: unknown and repeated elements, by path, with counts. */
  record Notes(Map<String, Integer> unknown, Map<String, Integer> repeated) {}

  /** An element the schema knows: the leaves it may hold and the elements nested in it. */
  private static final class Element {
    final String path;
    final Set<String> leaves = new LinkedHashSet<>();
    final Map<String, Element> children = new LinkedHashMap<>();

    Element(String path) {
      this.path = path;
    }
  }

  /** One occurrence of a known element: its leaves' text and where it was. */
  private static final class Occurrence {
    final String location;
    final Map<String, String> values = new HashMap<>();

    Occurrence(String location) {
      this.location = location;
    }
  }

  /** A column of a table: the element its text is read from, in the row's element or header. */
  private record Field(String column, String element, boolean fromHeader) {}

  private record TableFields(String name, CsvTable.XmlRows place, List<Field> fields) {}

  private final IngestSpec spec;
  private final CsvSchema.XmlLayout layout;
  private final List<TableFields> tables = new ArrayList<>();
  private final Element root;
  private final Map<String, Boolean> directIdentifier = new HashMap<>();

  Ssda903XmlReader(CsvSchema schema, IngestSpec spec) {
    this.spec = spec;
    this.layout =
        schema
            .xml()
            .orElseThrow(
                () -> new IllegalStateException("schema " + schema.dataset() + " has no xml"));
    CsvTable header = schema.xmlHeader();
    Map<String, String> headerElements = new HashMap<>();
    header.columns().forEach(column -> headerElements.put(column.name(), column.xmlName()));
    this.root = new Element("");
    for (CsvTable table : schema.xmlTables()) {
      Element element = root;
      for (String name : table.xml().get().elements()) {
        String path = element.path.isEmpty() ? name : element.path + "/" + name;
        element = element.children.computeIfAbsent(name, n -> new Element(path));
      }
      List<Field> fields = new ArrayList<>();
      for (CsvColumn column : table.columns()) {
        boolean fromHeader = table != header && headerElements.containsKey(column.name());
        if (fromHeader) {
          fields.add(new Field(column.name(), headerElements.get(column.name()), true));
        } else {
          fields.add(new Field(column.name(), column.xmlName(), false));
          element.leaves.add(column.xmlName());
        }
      }
      table.xml().get().flag().ifPresent(element.leaves::add);
      tables.add(new TableFields(table.name(), table.xml().get(), fields));
    }
    checkModel(root);
  }

  private void checkModel(Element element) {
    for (String leaf : element.leaves) {
      if (element.children.containsKey(leaf) || spec.isDirectIdentifier(leaf)) {
        throw new IllegalStateException("schema ssda903: xml leaf " + leaf + " is not a field");
      }
    }
    element.children.values().forEach(this::checkModel);
  }

  /** Reads {@code file}, handing each child's rows to {@code handler}. */
  Notes read(Path file, Handler handler) throws FileRejected {
    return StaxFiles.read(file, reader -> read(reader, handler));
  }

  private static final class Frame {
    final Element element; // null: a leaf, or an element the schema does not know
    final boolean leaf;
    final String where; // the schema path (no root, no indices) for notes
    final String path; // the document path with indices for locations
    final Occurrence occurrence; // the known element this frame is, or whose leaf it is
    final StringBuilder text = new StringBuilder();
    final Map<String, Integer> counts = new HashMap<>();

    Frame(Element element, boolean leaf, String where, String path, Occurrence occurrence) {
      this.element = element;
      this.leaf = leaf;
      this.where = where;
      this.path = path;
      this.occurrence = occurrence;
    }

    boolean unknown() {
      return element == null && !leaf;
    }
  }

  private Notes read(XMLStreamReader reader, Handler handler)
      throws XMLStreamException, FileRejected {
    Deque<Frame> stack = new ArrayDeque<>();
    Map<String, Integer> unknown = new TreeMap<>();
    Map<String, Integer> repeated = new TreeMap<>();
    Map<String, List<Occurrence>> child = new HashMap<>();
    boolean rootSeen = false;
    while (reader.hasNext()) {
      int event = reader.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        String name = reader.getLocalName();
        int line = reader.getLocation().getLineNumber();
        if (stack.isEmpty()) {
          if (rootSeen) {
            throw new FileRejected("it has content after the root element ends");
          }
          if (!name.equals(layout.root())) {
            throw new FileRejected(
                "its root element is <" + name + ">, not <" + layout.root() + ">: not an SSDA903");
          }
          rootSeen = true;
          stack.push(new Frame(root, false, "", "/" + name, null));
          continue;
        }
        Frame parent = stack.peek();
        int index = parent.counts.merge(name, 1, Integer::sum);
        String path = parent.path + "/" + name + "[" + index + "]";
        String where = parent.where.isEmpty() ? name : parent.where + "/" + name;
        checkIdentifier("element <" + name + ">", name, line, path);
        for (int i = 0; i < reader.getAttributeCount(); i++) {
          String prefix = reader.getAttributePrefix(i);
          if (prefix == null || prefix.isEmpty()) { // xsi:, xml: attributes are markup
            String attribute = reader.getAttributeLocalName(i);
            checkIdentifier("attribute " + attribute, attribute, line, path);
            unknown.merge(where + "/@" + attribute, 1, Integer::sum);
          }
        }
        Element element = parent.element == null ? null : parent.element.children.get(name);
        if (element != null) {
          Occurrence occurrence = new Occurrence("line " + line + ": " + path);
          child.computeIfAbsent(element.path, p -> new ArrayList<>()).add(occurrence);
          stack.push(new Frame(element, false, where, path, occurrence));
        } else if (parent.element != null && parent.element.leaves.contains(name)) {
          stack.push(new Frame(null, true, where, path, parent.occurrence));
        } else {
          if (!parent.unknown()) {
            unknown.merge(where, 1, Integer::sum); // its content is not read
          }
          stack.push(new Frame(null, false, where, path, null));
        }
      } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
        Frame top = stack.peek();
        if (top != null && top.leaf) {
          top.text.append(reader.getText());
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        Frame frame = stack.pop();
        if (frame.leaf) {
          String previous =
              frame.occurrence.values.putIfAbsent(
                  reader.getLocalName(), frame.text.toString().strip());
          if (previous != null) {
            repeated.merge(frame.where, 1, Integer::sum);
          }
        } else if (frame.element != null && frame.element.path.equals(layout.child())) {
          handler.child(rows(child));
          child.clear();
        }
      }
    }
    if (!rootSeen) {
      throw new FileRejected("the file holds no XML element (it is empty)");
    }
    if (!stack.isEmpty()) {
      throw new FileRejected("the XML ends before its root element closes (truncated)");
    }
    return new Notes(unknown, repeated);
  }

  private void checkIdentifier(String what, String name, int line, String path)
      throws FileRejected {
    if (directIdentifier.computeIfAbsent(name, spec::isDirectIdentifier)) {
      throw new FileRejected(
          String.format(
              Locale.ROOT,
              "%s at line %d (%s) is a direct identifier (a name, address, postcode or NHS"
                  + " number); remove it from the extract and deposit the file again",
              what,
              line,
              path));
    }
  }

  /** One child's occurrences as rows of the CSV tables, in schema order. */
  private Map<String, List<Ssda903Ingester.Record>> rows(Map<String, List<Occurrence>> child) {
    List<Occurrence> headers = child.getOrDefault(layout.header(), List.of());
    Map<String, String> shared = headers.isEmpty() ? Map.of() : headers.get(0).values;
    Map<String, List<Ssda903Ingester.Record>> rows = new LinkedHashMap<>();
    for (TableFields table : tables) {
      CsvTable.XmlRows place = table.place;
      List<Ssda903Ingester.Record> records = new ArrayList<>();
      for (Occurrence occurrence : child.getOrDefault(place.path(), List.of())) {
        Ssda903Ingester.Record record = new Ssda903Ingester.Record(occurrence.location);
        boolean given = false;
        for (Field field : table.fields) {
          String text = (field.fromHeader ? shared : occurrence.values).get(field.element);
          record.values.put(field.column, text);
          given |= !field.fromHeader && text != null && !text.isBlank();
        }
        if (place.flag().isPresent()) {
          String name = place.flag().get();
          String flag = occurrence.values.getOrDefault(name, "");
          if (!flag.isBlank() && Values.bool(flag).isEmpty()) {
            given = true;
            record.violations.add(
                new Violation(
                    name,
                    "TYPE_BOOLEAN",
                    String.format(
                        Locale.ROOT,
                        "%s '%s' is not 1/0/true/false (%s)",
                        name,
                        flag,
                        occurrence.location)));
          } else {
            given |= Values.bool(flag).orElse(false);
          }
        }
        if (given || !place.whenGiven()) {
          records.add(record);
        }
      }
      rows.put(table.name, records);
    }
    return rows;
  }
}
