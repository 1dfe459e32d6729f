package org.soseval.pipeline.report;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks a report page as a reader's browser would meet it: the page parses as XML (the PDF
 * renderer needs that), every {@code src} and {@code href} resolves to a file inside the report
 * folder or to an id on the page, every image has alt text, and every table has a caption and
 * column headers.
 */
final class ReportChecks {
  private ReportChecks() {}

  static List<String> problems(Path index) throws Exception {
    Path folder = index.getParent().toAbsolutePath().normalize();
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(false);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    DocumentBuilder builder = factory.newDocumentBuilder();
    Document page;
    try (var in = Files.newInputStream(index)) {
      page = builder.parse(in);
    }
    List<String> problems = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    NodeList all = page.getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      Element element = (Element) all.item(i);
      if (element.hasAttribute("id") && !ids.add(element.getAttribute("id"))) {
        problems.add("duplicate id " + element.getAttribute("id"));
      }
    }
    for (int i = 0; i < all.getLength(); i++) {
      Element element = (Element) all.item(i);
      for (String attribute : List.of("src", "href")) {
        if (element.hasAttribute(attribute)) {
          check(element.getTagName(), element.getAttribute(attribute), folder, ids, problems);
        }
      }
    }
    NodeList images = page.getElementsByTagName("img");
    for (int i = 0; i < images.getLength(); i++) {
      Element image = (Element) images.item(i);
      if (image.getAttribute("alt").isBlank()) {
        problems.add("image without alt text: " + image.getAttribute("src"));
      }
    }
    NodeList tables = page.getElementsByTagName("table");
    for (int i = 0; i < tables.getLength(); i++) {
      Element table = (Element) tables.item(i);
      if (table.getElementsByTagName("caption").getLength() != 1) {
        problems.add("table " + i + " has no caption");
      }
      if (table.getElementsByTagName("thead").getLength() != 1
          || table.getElementsByTagName("th").getLength() == 0) {
        problems.add("table " + i + " has no column headers");
      }
    }
    return problems;
  }

  private static void check(
      String tag, String reference, Path folder, Set<String> ids, List<String> problems)
      throws IOException {
    if (reference.startsWith("#")) {
      if (!ids.contains(reference.substring(1))) {
        problems.add("<" + tag + "> links to missing id " + reference);
      }
      return;
    }
    URI uri = URI.create(reference);
    if (uri.isAbsolute() || reference.startsWith("/")) {
      problems.add("<" + tag + "> points outside the report folder: " + reference);
      return;
    }
    String path = URLDecoder.decode(uri.getRawPath(), StandardCharsets.UTF_8);
    Path target = folder.resolve(path).normalize();
    if (!target.startsWith(folder)) {
      problems.add("<" + tag + "> points outside the report folder: " + reference);
    } else if (!Files.isRegularFile(target) || Files.size(target) == 0) {
      problems.add("<" + tag + "> points to a missing or empty file: " + reference);
    }
  }
}
