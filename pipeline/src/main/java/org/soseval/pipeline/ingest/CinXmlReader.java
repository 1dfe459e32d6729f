package org.soseval.pipeline.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.soseval.pipeline.schemas.IngestSpec;
import org.soseval.pipeline.schemas.XmlElement;
import org.soseval.pipeline.schemas.XmlSchema;

/**
 * Streams a CIN census XML with StAX (never a DOM: a national file is hundreds of MB), guided by
 * the schema's element tree: each element marked {@code table} opens a record, each leaf's text
 * goes to the nearest enclosing record. The header is handed over when {@code Header} closes, each
 * child (with all its nested records) when its {@code Child} closes, so memory holds one child.
 */
final class CinXmlReader {
  /** Receives the header and the children of a file. */
  interface Handler {
    /** Called once when {@code Header} closes, with its leaves' text. */
    void header(Map<String, String> header) throws FileRejected;

    /** Called once per {@code Child}, after the header. */
    void child(RawRecord child) throws FileRejected;
  }

  private static final XMLInputFactory FACTORY = newFactory();

  private final XmlSchema schema;
  private final IngestSpec spec;

  CinXmlReader(XmlSchema schema, IngestSpec spec) {
    this.schema = schema;
    this.spec = spec;
  }

  private static XMLInputFactory newFactory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    return factory;
  }

  /** The root element's name, or a rejection when the file is not well-formed XML at its start. */
  static String rootName(Path file) throws FileRejected {
    try {
      if (Files.size(file) == 0) {
        throw new FileRejected("the file holds no XML element (it is empty)");
      }
    } catch (IOException e) {
      throw new FileRejected("it cannot be read: " + e.getClass().getSimpleName(), e);
    }
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      XMLStreamReader reader = FACTORY.createXMLStreamReader(in);
      try {
        while (reader.hasNext()) {
          if (reader.next() == XMLStreamConstants.START_ELEMENT) {
            return reader.getLocalName();
          }
        }
        throw new FileRejected("the file holds no XML element (it is empty)");
      } finally {
        reader.close();
      }
    } catch (XMLStreamException e) {
      throw new FileRejected("it is not readable XML: " + xmlProblem(e), e);
    } catch (IOException e) {
      throw new FileRejected("it cannot be read: " + e.getClass().getSimpleName(), e);
    }
  }

  /** The text of the leaves of {@code Header}, reading no further than its end. */
  static Map<String, String> header(Path file) throws FileRejected {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      XMLStreamReader reader = FACTORY.createXMLStreamReader(in);
      try {
        Map<String, String> header = new HashMap<>();
        boolean inHeader = false;
        StringBuilder text = new StringBuilder();
        while (reader.hasNext()) {
          int event = reader.next();
          if (event == XMLStreamConstants.START_ELEMENT) {
            inHeader |= reader.getLocalName().equals("Header");
            text.setLength(0);
          } else if (event == XMLStreamConstants.CHARACTERS) {
            text.append(reader.getText());
          } else if (event == XMLStreamConstants.END_ELEMENT) {
            if (reader.getLocalName().equals("Header")) {
              return header;
            }
            if (inHeader) {
              header.putIfAbsent(reader.getLocalName(), text.toString().strip());
            }
            text.setLength(0);
          }
        }
        return header;
      } finally {
        reader.close();
      }
    } catch (XMLStreamException e) {
      throw new FileRejected("it is not readable XML: " + xmlProblem(e), e);
    } catch (IOException e) {
      throw new FileRejected("it cannot be read: " + e.getClass().getSimpleName(), e);
    }
  }

  /** Reads {@code file}, handing its header and children to {@code handler}. */
  void read(Path file, Handler handler) throws FileRejected {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      XMLStreamReader reader = FACTORY.createXMLStreamReader(in);
      try {
        read(reader, handler);
      } finally {
        reader.close();
      }
    } catch (XMLStreamException e) {
      throw new FileRejected(
          "it is not readable XML (truncated or wrong encoding?): " + xmlProblem(e), e);
    } catch (IOException e) {
      throw new FileRejected("it cannot be read: " + e.getClass().getSimpleName(), e);
    }
  }

  private static final class Frame {
    final XmlElement element; // null inside an unknown element
    final RawRecord record;
    final String path;
    final StringBuilder text = new StringBuilder();
    final Map<String, Integer> counts = new HashMap<>();

    Frame(XmlElement element, RawRecord record, String path) {
      this.element = element;
      this.record = record;
      this.path = path;
    }
  }

  private void read(XMLStreamReader reader, Handler handler)
      throws XMLStreamException, FileRejected {
    Deque<Frame> stack = new ArrayDeque<>();
    XmlElement root = schema.root();
    RawRecord message = new RawRecord("message", "/" + root.name(), null);
    Map<String, String> header = new HashMap<>();
    boolean headerSeen = false;
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
          if (!name.equals(root.name())) {
            throw new FileRejected(
                "its root element is <" + name + ">, not <" + root.name() + ">: not a CIN census");
          }
          rootSeen = true;
          stack.push(new Frame(root, message, "/" + name));
          continue;
        }
        Frame parent = stack.peek();
        int index = parent.counts.merge(name, 1, Integer::sum);
        String path = parent.path + "/" + name + "[" + index + "]";
        XmlElement element =
            parent.element == null ? null : parent.element.child(name).orElse(null);
        if (element == null) {
          if (spec.isDirectIdentifier(name)) {
            throw new FileRejected(
                String.format(
                    Locale.ROOT,
                    "element <%s> at line %d (%s) is a direct identifier (a name, address, postcode"
                        + " or NHS number); remove it from the extract and deposit the file again",
                    name,
                    line,
                    path));
          }
          if (parent.element != null) {
            parent.record.violations.add(
                new Violation(
                    name,
                    "UNKNOWN_ELEMENT",
                    String.format(
                        Locale.ROOT,
                        "element <%s> at line %d is not in the CIN census schema",
                        name,
                        line)));
          }
          stack.push(new Frame(null, parent.record, path));
          continue;
        }
        RawRecord record = parent.record;
        if (element.table().isPresent()) {
          record =
              new RawRecord(element.table().get(), "line " + line + ": " + path, parent.record);
        }
        stack.push(new Frame(element, record, path));
      } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
        Frame top = stack.peek();
        if (top != null && top.element != null && top.element.isLeaf()) {
          top.text.append(reader.getText());
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        Frame frame = stack.pop();
        XmlElement element = frame.element;
        if (element == null) {
          continue;
        }
        if (element.isLeaf()) {
          String text = frame.text.toString().strip();
          frame.record.values.putIfAbsent(element.name(), text);
          if (frame.record == message) {
            header.putIfAbsent(element.name(), text);
          }
        }
        if (element.table().isPresent()) {
          if (element.table().get().equals("child")) {
            if (!headerSeen) {
              throw new FileRejected("a <Child> comes before the <Header>");
            }
            handler.child(frame.record);
          } else {
            frame.record.parent.children.add(frame.record);
          }
        } else if (element.name().equals("Header")) {
          headerSeen = true;
          handler.header(header);
        }
      }
    }
    if (!rootSeen) {
      throw new FileRejected("the file holds no XML element (it is empty)");
    }
    if (!stack.isEmpty()) {
      throw new FileRejected("the XML ends before its root element closes (truncated)");
    }
    if (!headerSeen) {
      throw new FileRejected("it has no <Header>, so its collection year is unknown");
    }
  }

  static String xmlProblem(XMLStreamException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int at = message.indexOf("Message: ");
    String text = at >= 0 ? message.substring(at + "Message: ".length()) : message;
    if (e.getLocation() != null) {
      return String.format(
          Locale.ROOT,
          "line %d, column %d: %s",
          e.getLocation().getLineNumber(),
          e.getLocation().getColumnNumber(),
          text.strip());
    }
    return text.strip();
  }
}
