package org.soseval.pipeline.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Deposited XML read by StAX, with one parser configuration for every reader: no DTD, no external
 * entities (so an entity is never expanded and a DTD never fetched), text coalesced. A file the
 * parser stops on is rejected with where and why and what to do.
 */
final class StaxFiles {
  private static final XMLInputFactory FACTORY = newFactory();

  /** What a reader does with an open stream. */
  @FunctionalInterface
  interface Body<T> {
    T read(XMLStreamReader reader) throws XMLStreamException, FileRejected;
  }

  private StaxFiles() {}

  private static XMLInputFactory newFactory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    return factory;
  }

  /** Opens {@code file}, hands its stream to {@code body} and closes it. */
  static <T> T read(Path file, Body<T> body) throws FileRejected {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      XMLStreamReader reader = FACTORY.createXMLStreamReader(in);
      try {
        return body.read(reader);
      } finally {
        reader.close();
      }
    } catch (XMLStreamException e) {
      throw notReadable(e);
    } catch (IOException e) {
      throw new FileRejected("it cannot be read: " + e.getClass().getSimpleName(), e);
    }
  }

  /**
   * The rejection of a file the XML parser stopped on: where and why, with what to do about an
   * entity reference (a DTD is never read), bytes not in the declared encoding, or nesting no
   * return has; else a hint that it may be truncated or in the wrong encoding.
   */
  static FileRejected notReadable(XMLStreamException e) {
    String problem = xmlProblem(e);
    String lower = problem.toLowerCase(Locale.ROOT);
    String message;
    if (lower.contains("entity")) {
      message =
          "it is not readable XML: "
              + problem
              + "; entity references are not expanded (a DTD is never read, for security): write a"
              + " literal & as &amp; and remove any <!DOCTYPE ...> declaration and the references"
              + " to its entities, then deposit the file again";
    } else if (lower.contains("depth")) {
      message =
          "it is not readable XML: "
              + problem
              + "; no return nests its elements that deep: check the export and deposit it again";
    } else if (lower.contains("utf-8") || lower.contains("byte") || lower.contains("encod")) {
      message =
          "it is not readable XML: "
              + problem
              + "; its bytes are not in its declared encoding (UTF-8 unless the <?xml ...?> line"
              + " names another): save it as UTF-8, or declare its encoding, and deposit it again";
    } else {
      message = "it is not readable XML (truncated or wrong encoding?): " + problem;
    }
    return new FileRejected(message, e);
  }

  static String xmlProblem(XMLStreamException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int at = message.indexOf("Message: ");
    String text = at >= 0 ? message.substring(at + "Message: ".length()) : message;
    // Woodstox repeats the location on a second line: " at [row,col {unknown-source}]: [3,41]"
    int repeated = text.indexOf("\n at [row,col");
    if (repeated >= 0) {
      text = text.substring(0, repeated);
    }
    text = text.strip().replaceAll("\\s*\\R\\s*", " ");
    if (e.getLocation() != null && e.getLocation().getLineNumber() > 0) {
      return String.format(
          Locale.ROOT,
          "line %d, column %d: %s",
          e.getLocation().getLineNumber(),
          e.getLocation().getColumnNumber(),
          text);
    }
    return text;
  }
}
