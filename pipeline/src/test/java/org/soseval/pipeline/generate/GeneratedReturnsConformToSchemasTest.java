package org.soseval.pipeline.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soseval.pipeline.Progress;
import org.soseval.pipeline.schemas.CodeList;
import org.soseval.pipeline.schemas.CsvColumn;
import org.soseval.pipeline.schemas.CsvSchema;
import org.soseval.pipeline.schemas.CsvTable;
import org.soseval.pipeline.schemas.FieldType;
import org.soseval.pipeline.schemas.SchemaRegistry;
import org.soseval.pipeline.schemas.XmlElement;
import org.soseval.pipeline.schemas.XmlSchema;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Parses every generated return back and checks it against data-schemas/: the element order,
 * cardinality and types of each year's CIN layout, every code against the code list valid in that
 * collection year, the SSDA903 columns, and the chaining rules of SSDA903 episodes.
 */
class GeneratedReturnsConformToSchemasTest {
  private static final int FIRST = 2013;
  private static final int LAST = 2026;
  private static final DateTimeFormatter SSDA903_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final XmlSchema CIN = SchemaRegistry.cinCensus();
  private static final CsvSchema SSDA903 = SchemaRegistry.ssda903();

  @TempDir static Path temp;
  private static Path deposits;

  @BeforeAll
  static void generate() {
    deposits = temp.resolve("deposits");
    Design design =
        new Design(
            FIRST,
            LAST,
            17,
            0.06,
            List.of(new Pilot("935", LocalDate.of(2016, 10, 1), "new")),
            List.of("211"),
            List.of(PlantedEffect.parse("cla_start_rate=-20%")));
    SyntheticDeposits.generate(design, deposits, Progress.SILENT);
  }

  /** What a check saw, so the test can show it looked at something. */
  private static final class Seen {
    final List<String> violations = new ArrayList<>();
    final Map<String, Integer> elementsByYearLayout = new TreeMap<>();
    final Set<String> codes = new HashSet<>();
    int leaves;

    void violation(String where, String what) {
      if (violations.size() < 50) {
        violations.add(where + ": " + what);
      }
    }
  }

  @Test
  void everyCinCensusFollowsItsYearsLayoutAndCodes() throws Exception {
    Seen seen = new Seen();
    for (String la : List.of("935", "211")) {
      for (int year = FIRST; year <= LAST; year++) {
        Path file = deposits.resolve(la + "/cin_census_" + year + ".xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        Element root = factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        checkElement(root, CIN.root(), year, file.getFileName() + ":" + root.getNodeName(), seen);
        String referenceDate = text(root, "Header", "CollectionDetails", "ReferenceDate");
        if (!LocalDate.of(year, 3, 31).toString().equals(referenceDate)) {
          seen.violation(file.toString(), "ReferenceDate " + referenceDate);
        }
      }
    }
    assertThat(seen.violations).isEmpty();
    assertThat(seen.leaves).isGreaterThan(10_000);
    // both sex layouts, both factor code sets and the 2025-26 block were exercised
    assertThat(seen.elementsByYearLayout)
        .containsKeys("GenderCurrent@2024", "Sex@2025", "PreProceedingsandFGDM@2026");
    assertThat(seen.codes).contains("AssessmentFactors=18A@2020", "AssessmentFactors=18C@2021");
  }

  private static void checkElement(
      Element element, XmlElement schema, int year, String path, Seen seen) {
    List<Element> children = childElements(element);
    if (schema.isLeaf()) {
      if (!children.isEmpty()) {
        seen.violation(path, "a leaf has child elements");
      }
      checkLeaf(element.getTextContent(), schema, year, path, seen);
      return;
    }
    List<XmlElement> expected = schema.childrenIn(year);
    int position = 0;
    int[] counts = new int[expected.size()];
    for (Element child : children) {
      String name = child.getNodeName();
      int found = -1;
      for (int i = position; i < expected.size(); i++) {
        if (expected.get(i).name().equals(name)) {
          found = i;
          break;
        }
      }
      if (found < 0) {
        seen.violation(path, "unexpected or out-of-order element " + name);
        continue;
      }
      XmlElement childSchema = expected.get(found);
      counts[found]++;
      if (counts[found] > 1 && !childSchema.occurs().repeats()) {
        seen.violation(path, name + " repeated");
      }
      seen.elementsByYearLayout.merge(name + "@" + year, 1, Integer::sum);
      position = found;
      checkElement(child, childSchema, year, path + "/" + name, seen);
    }
    for (int i = 0; i < expected.size(); i++) {
      if (expected.get(i).occurs().required() && counts[i] == 0) {
        seen.violation(path, "missing required " + expected.get(i).name());
      }
    }
  }

  private static void checkLeaf(String value, XmlElement schema, int year, String path, Seen seen) {
    seen.leaves++;
    FieldType type = schema.type().orElseThrow();
    if (schema.fixed().isPresent() && !schema.fixed().get().equals(value)) {
      seen.violation(path, "expected " + schema.fixed().get() + ", found " + value);
    }
    if (schema.pattern().isPresent() && !value.matches(schema.pattern().get())) {
      seen.violation(path, value + " does not match " + schema.pattern().get());
    }
    checkValue(
        value,
        type,
        schema.codeList().map(CIN::codeList).orElse(null),
        year,
        path,
        seen,
        schema.name(),
        false);
  }

  private static void checkValue(
      String value,
      FieldType type,
      CodeList codes,
      int year,
      String where,
      Seen seen,
      String field,
      boolean ssda903Dates) {
    try {
      switch (type) {
        case DATE -> {
          if (ssda903Dates) {
            LocalDate.parse(value, SSDA903_DATE);
          } else {
            LocalDate.parse(value);
          }
        }
        case DATETIME -> java.time.LocalDateTime.parse(value);
        case INTEGER, YEAR -> {
          if (Integer.parseInt(value) < 0) {
            seen.violation(where, "negative " + value);
          }
        }
        case BOOLEAN -> {
          if (!Set.of("true", "false", "1", "0").contains(value)) {
            seen.violation(where, "not a boolean: " + value);
          }
        }
        case CODE -> {
          seen.codes.add(field + "=" + value + "@" + year);
          if (!codes.isValid(value, year)) {
            seen.violation(where, value + " is not a valid " + codes.name() + " code in " + year);
          }
        }
        case STRING -> {
          if (value.isBlank()) {
            seen.violation(where, "blank");
          }
        }
      }
    } catch (DateTimeParseException | NumberFormatException e) {
      seen.violation(where, "not a " + type + ": " + value);
    }
  }

  @Test
  void everySsda903TableHasItsColumnsValidCodesAndChainedEpisodes() throws IOException {
    Seen seen = new Seen();
    Map<String, LocalDate> firstStart = new HashMap<>();
    Map<String, String> firstReason = new HashMap<>();
    int episodes = 0;
    for (String la : List.of("935", "211")) {
      for (int year = FIRST; year <= LAST; year++) {
        for (String name : Ssda903Writer.TABLES) {
          CsvTable table = SSDA903.table(name);
          Path file = deposits.resolve(la + "/ssda903_" + year + "/" + name + ".csv");
          List<CSVRecord> rows = read(file, table, year, seen);
          for (CSVRecord row : rows) {
            for (CsvColumn column : table.columns()) {
              String value = row.get(column.name());
              String where = file.getFileName() + " line " + row.getRecordNumber();
              if (value.isEmpty()) {
                if (column.required()) {
                  seen.violation(where, "required " + column.name() + " is blank");
                }
                continue;
              }
              seen.leaves++;
              checkValue(
                  value,
                  column.type(),
                  column.codeList().map(SSDA903::codeList).orElse(null),
                  year,
                  where + " " + column.name(),
                  seen,
                  column.name(),
                  true);
            }
          }
          if (name.equals("episodes")) {
            episodes += rows.size();
            checkChains(la, rows, file, seen, firstStart, firstReason);
          }
        }
      }
    }
    assertThat(seen.violations).isEmpty();
    assertThat(episodes).isGreaterThan(200);
    // a child whose first episode starts after the data begins must start with RNE S (rule 357);
    // children already looked after when the data begins are seen mid-period
    LocalDate dataStart = CensusYear.of(FIRST).start();
    Map<String, String> startedInData = new TreeMap<>();
    firstReason.forEach(
        (child, reason) -> {
          if (!firstStart.get(child).isBefore(dataStart)) {
            startedInData.put(child, reason);
          }
        });
    assertThat(startedInData).hasSizeGreaterThan(100);
    assertThat(startedInData)
        .allSatisfy(
            (child, reason) ->
                assertThat(reason).as("the first episode of child %s", child).isEqualTo("S"));
    assertThat(firstReason.values())
        .as("children already in care when the data begins")
        .contains("P");
    assertThat(seen.codes).contains("PLACE=H5@2024", "PLACE=K3@2025", "SEX=1@2024", "SEX=M@2025");
  }

  private static List<CSVRecord> read(Path file, CsvTable table, int year, Seen seen)
      throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser =
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
      if (!parser.getHeaderNames().equals(table.columnNamesIn(year))) {
        seen.violation(file.toString(), "columns " + parser.getHeaderNames());
      }
      return parser.getRecords();
    }
  }

  /** Within a return: a child's episodes do not overlap, and an X1 ends where the next starts. */
  private static void checkChains(
      String la,
      List<CSVRecord> rows,
      Path file,
      Seen seen,
      Map<String, LocalDate> firstStart,
      Map<String, String> firstReason) {
    Map<String, List<CSVRecord>> byChild = new TreeMap<>();
    for (CSVRecord row : rows) {
      byChild.computeIfAbsent(la + "/" + row.get("CHILD"), key -> new ArrayList<>()).add(row);
    }
    byChild.forEach(
        (child, episodes) -> {
          for (int i = 0; i < episodes.size(); i++) {
            CSVRecord episode = episodes.get(i);
            LocalDate start = LocalDate.parse(episode.get("DECOM"), SSDA903_DATE);
            if (!firstStart.containsKey(child) || start.isBefore(firstStart.get(child))) {
              firstStart.put(child, start);
              firstReason.put(child, episode.get("RNE"));
            }
            String where = file + " child " + child + " DECOM " + episode.get("DECOM");
            if (i + 1 < episodes.size()) {
              CSVRecord next = episodes.get(i + 1);
              if (episode.get("DEC").isEmpty()) {
                seen.violation(where, "an open episode is followed by another");
              } else if (episode.get("REC").equals("X1")
                  && !episode.get("DEC").equals(next.get("DECOM"))) {
                seen.violation(
                    where,
                    "X1 ends " + episode.get("DEC") + " but next starts " + next.get("DECOM"));
              } else if (!episode.get("REC").equals("X1") && next.get("RNE").equals("S") == false) {
                seen.violation(where, "after an E-code the next episode must start with RNE S");
              }
            }
          }
        });
  }

  private static List<Element> childElements(Element element) {
    List<Element> children = new ArrayList<>();
    for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element child) {
        children.add(child);
      }
    }
    return children;
  }

  private static String text(Element root, String... path) {
    Element current = root;
    for (String name : path) {
      current =
          childElements(current).stream()
              .filter(child -> child.getNodeName().equals(name))
              .findFirst()
              .orElseThrow();
    }
    return current.getTextContent();
  }
}
