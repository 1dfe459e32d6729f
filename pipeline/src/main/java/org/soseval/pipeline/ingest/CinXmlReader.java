package org.soseval.pipeline.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
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

  private final XmlSchema schema;
  private final IngestSpec spec;
  // by identity: XmlElement is a record whose equals and hashCode walk the whole subtree
  private final Map<XmlElement, Map<String, XmlElement>> childrenByName = new IdentityHashMap<>();

  CinXmlReader(XmlSchema schema, IngestSpec spec) {
    this.schema = schema;
    this.spec = spec;
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
    return StaxFiles.read(
        file,
        reader -> {
          while (reader.hasNext()) {
            if (reader.next() == XMLStreamConstants.START_ELEMENT) {
              return reader.getLocalName();
            }
          }
          throw new FileRejected("the file holds no XML element (it is empty)");
        });
  }

  /** The text of the leaves of {@code Header}, reading no further than its end. */
  static Map<String, String> header(Path file) throws FileRejected {
    return StaxFiles.read(
        file,
        reader -> {
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
        });
  }

  /** Reads {@code file}, handing its header and children to {@code handler}. */
  void read(Path file, Handler handler) throws FileRejected {
    StaxFiles.read(
        file,
        reader -> {
          read(reader, handler);
          return null;
        });
  }

  /**
   * One open element. Its path ({@code /Message/Children[1]/Child[3]}) is built only when a record
   * or a problem needs it, and its text is kept as the one string StAX reports (coalescing) unless
   * several pieces arrive.
   */
  private static final class Frame {
    final Frame parent;
    final XmlElement element; // null inside an unknown element
    final RawRecord record;
    final String name;
    final int index;
    private String path;
    private String text;
    private StringBuilder pieces;
    private Map<String, Integer> counts;

    Frame(Frame parent, XmlElement element, RawRecord record, String name, int index) {
      this.parent = parent;
      this.element = element;
      this.record = record;
      this.name = name;
      this.index = index;
    }

    /** The 1-based position of the next child called {@code childName} among its namesakes. */
    int nextIndex(String childName) {
      if (counts == null) {
        counts = new HashMap<>();
      }
      return counts.merge(childName, 1, Integer::sum);
    }

    String path() {
      if (path == null) {
        path = parent == null ? "/" + name : path(parent, name, index);
      }
      return path;
    }

    static String path(Frame parent, String name, int index) {
      return parent.path() + "/" + name + "[" + index + "]";
    }

    void append(String piece) {
      if (text == null) {
        text = piece;
      } else {
        if (pieces == null) {
          pieces = new StringBuilder(text);
        }
        pieces.append(piece);
      }
    }

    String text() {
      return pieces != null ? pieces.toString() : text == null ? "" : text;
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
        if (stack.isEmpty()) {
          if (rootSeen) {
            throw new FileRejected("it has content after the root element ends");
          }
          if (!name.equals(root.name())) {
            throw new FileRejected(
                "its root element is <" + name + ">, not <" + root.name() + ">: not a CIN census");
          }
          rootSeen = true;
          stack.push(new Frame(null, root, message, name, 1));
          continue;
        }
        Frame parent = stack.peek();
        int index = parent.nextIndex(name);
        XmlElement element = parent.element == null ? null : child(parent.element, name);
        if (element == null) {
          Frame unknown = new Frame(parent, null, parent.record, name, index);
          int line = reader.getLocation().getLineNumber();
          if (spec.isDirectIdentifier(name)) {
            throw new FileRejected(
                String.format(
                    Locale.ROOT,
                    "element <%s> at line %d (%s) is a direct identifier (a name, address, postcode"
                        + " or NHS number); remove it from the extract and deposit the file again",
                    name,
                    line,
                    unknown.path()));
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
          stack.push(unknown);
          continue;
        }
        RawRecord record = parent.record;
        if (element.table().isPresent()) {
          int line = reader.getLocation().getLineNumber();
          String path = Frame.path(parent, name, index);
          record =
              new RawRecord(element.table().get(), "line " + line + ": " + path, parent.record);
        }
        stack.push(new Frame(parent, element, record, name, index));
      } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
        Frame top = stack.peek();
        if (top != null && top.element != null && top.element.isLeaf()) {
          top.append(reader.getText());
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        Frame frame = stack.pop();
        XmlElement element = frame.element;
        if (element == null) {
          continue;
        }
        if (element.isLeaf()) {
          String text = frame.text().strip();
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

  /** {@code parent}'s child element called {@code name}, or null; looked up once per pair. */
  private XmlElement child(XmlElement parent, String name) {
    Map<String, XmlElement> byName =
        childrenByName.computeIfAbsent(
            parent,
            group -> {
              Map<String, XmlElement> map = new HashMap<>();
              for (XmlElement candidate : group.children()) {
                map.putIfAbsent(candidate.name(), candidate);
              }
              return map;
            });
    return byName.get(name);
  }
}
