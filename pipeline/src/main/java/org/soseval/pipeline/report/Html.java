package org.soseval.pipeline.report;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A small writer of well-formed XHTML (the PDF renderer parses the page as XML): every element is
 * closed, text and attribute values are escaped, and attributes keep their given order.
 */
final class Html {
  private final StringBuilder out = new StringBuilder();
  private final Deque<String> open = new ArrayDeque<>();

  /** Opens {@code tag} with attributes given as name, value pairs. */
  Html open(String tag, String... attributes) {
    out.append('<').append(tag);
    attributes(attributes);
    out.append('>');
    open.push(tag);
    return this;
  }

  /** Closes the innermost open element, which must be {@code tag}. */
  Html close(String tag) {
    String top = open.pop();
    if (!top.equals(tag)) {
      throw new IllegalStateException("closing <" + tag + "> but <" + top + "> is open");
    }
    out.append("</").append(tag).append('>');
    if (isBlock(tag)) {
      out.append('\n');
    }
    return this;
  }

  /** {@code <tag attributes>text</tag>}. */
  Html element(String tag, String text, String... attributes) {
    return open(tag, attributes).text(text).close(tag);
  }

  /** An element with no content, e.g. {@code <img .../>}. */
  Html empty(String tag, String... attributes) {
    out.append('<').append(tag);
    attributes(attributes);
    out.append("/>");
    return this;
  }

  Html text(String text) {
    out.append(escape(text));
    return this;
  }

  /** A paragraph of text. */
  Html paragraph(String text) {
    return element("p", text);
  }

  /** A list of text items. */
  Html list(String tag, List<String> items) {
    open(tag);
    for (String item : items) {
      element("li", item);
    }
    return close(tag);
  }

  /** A table with caption, column headers and row headers in the first column. */
  Html table(ReportTable table, String... attributes) {
    open("table", attributes);
    element("caption", table.caption());
    open("thead").open("tr");
    for (String header : table.headers()) {
      element("th", header, "scope", "col");
    }
    close("tr").close("thead");
    open("tbody");
    for (List<String> row : table.rows()) {
      open("tr");
      for (int i = 0; i < row.size(); i++) {
        if (i == 0) {
          element("th", row.get(i), "scope", "row");
        } else {
          element("td", row.get(i));
        }
      }
      close("tr");
    }
    close("tbody");
    return close("table");
  }

  /** The document so far; every element must be closed. */
  String document() {
    if (!open.isEmpty()) {
      throw new IllegalStateException("unclosed elements: " + open);
    }
    return out.toString();
  }

  private void attributes(String... attributes) {
    if (attributes.length % 2 != 0) {
      throw new IllegalArgumentException("attributes must be name, value pairs");
    }
    for (int i = 0; i < attributes.length; i += 2) {
      out.append(' ')
          .append(attributes[i])
          .append("=\"")
          .append(escape(attributes[i + 1]))
          .append('"');
    }
  }

  private static boolean isBlock(String tag) {
    return switch (tag) {
      case "a", "strong", "em", "span", "code", "th", "td", "li", "caption", "abbr" -> false;
      default -> true;
    };
  }

  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
