package org.soseval.pipeline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soseval.pipeline.compare.EffectDirection;
import org.soseval.pipeline.compare.EffectEstimator;
import org.soseval.pipeline.compare.EffectRow;
import org.soseval.pipeline.emmie.Emmie;
import org.soseval.pipeline.geography.LaCrosswalk;

/** The report of the wave-1 example, read as a reader and a statistician would. */
class ReportTest {
  private static ReportFixture fixture;
  private static List<OutcomeFindings> outcomes;

  @BeforeAll
  static void writeTheReport() {
    fixture = ReportFixture.get();
    outcomes = new ArrayList<>();
    for (EffectEstimator.OutcomeEffects effects : fixture.result.outcomes()) {
      outcomes.add(OutcomeFindings.of(effects, fixture.result.group()));
    }
  }

  /** The charts drawn from the instruments and the EMMIE summary. */
  static final List<String> EVIDENCE_CHARTS =
      List.of(
          "implementation-ratings",
          "audit-criteria",
          "costs-by-category",
          "emmie-summary",
          "survey-family-survey",
          "survey-answers-family-survey-pilots-wave-2",
          "survey-answers-family-survey-comparison-las-wave-1",
          "survey-practitioner-survey",
          "survey-answers-practitioner-survey-pilots-wave-2",
          "survey-answers-practitioner-survey-comparison-las-wave-1");

  private static String page() throws Exception {
    return Files.readString(fixture.written.index(), StandardCharsets.UTF_8);
  }

  /** The text of {@code <section id="id">} up to the next section. */
  static String section(String page, String id) {
    int start = page.indexOf("<section id=\"" + id + "\">");
    assertThat(start).as("section " + id).isNotNegative();
    int end = page.indexOf("<section id=", start + 1);
    return page.substring(start, end < 0 ? page.length() : end);
  }

  @Test
  void writesOneSelfContainedFolder() throws Exception {
    Path folder = fixture.written.folder();
    assertThat(folder.resolve("index.html")).isRegularFile();
    assertThat(folder.resolve("report.pdf")).isRegularFile();
    assertThat(folder.resolve("report.css")).isRegularFile();
    assertThat(folder.resolve("data/effects.csv"))
        .hasSameTextualContentAs(fixture.result.effects());
    assertThat(folder.resolve("data/panel.csv")).isRegularFile();
    for (String outcome : List.of("rereferral-12m-percent", "icpc-rate", "cpp-at31-rate")) {
      for (String chart : List.of("over-time", "event-study", "forest")) {
        for (String extension : List.of("png", "svg", "csv", "alt.txt")) {
          assertThat(folder.resolve("charts/" + outcome + "-" + chart + "." + extension))
              .isRegularFile();
        }
      }
    }
    for (String chart : EVIDENCE_CHARTS) {
      for (String extension : List.of("png", "svg", "csv", "alt.txt")) {
        assertThat(folder.resolve("charts/" + chart + "." + extension)).isRegularFile();
      }
    }
    assertThat(fixture.written.pdfWarnings()).as("PDF renderer warnings").isEmpty();
    assertThat(fixture.outcomesOnly.pdfWarnings()).as("PDF renderer warnings").isEmpty();
    assertThat(fixture.out.resolve("manifest.json")).isEqualTo(fixture.written.manifest());
  }

  @Test
  void everyImageAndLinkResolvesAndEveryImageAndTableIsDescribed() throws Exception {
    assertThat(ReportChecks.problems(fixture.written.index())).isEmpty();
    assertThat(ReportChecks.problems(fixture.outcomesOnly.index())).isEmpty();
    String page = page();
    assertThat(page).contains("<img src=\"charts/icpc-rate-forest.png\" alt=\"");
    for (String chart : EVIDENCE_CHARTS) {
      String alt =
          Files.readString(fixture.written.folder().resolve("charts/" + chart + ".alt.txt"));
      assertThat(page)
          .as(chart)
          .contains(
              "<img src=\"charts/" + chart + ".png\" alt=\"" + Html.escape(alt.strip()) + "\"")
          .contains("href=\"charts/" + chart + ".csv\"")
          .contains("href=\"charts/" + chart + ".svg\"");
    }
  }

  @Test
  void instrumentChartsSitInTheirSectionsEachFollowedByItsTable() throws Exception {
    String page = page();
    assertThat(section(page, "implementation"))
        .contains("charts/implementation-ratings.png")
        .contains("charts/audit-criteria.png")
        .doesNotContain("No evidence supplied.");
    assertThat(section(page, "costs")).contains("charts/costs-by-category.png");
    assertThat(section(page, "emmie"))
        .contains("charts/emmie-summary.png")
        .contains("<h3>Mechanisms: family experience survey</h3>")
        .contains("charts/survey-family-survey.png")
        .contains("charts/survey-practitioner-survey.png")
        .contains("<h3>Mechanisms: family experience survey, answers: Pilots, wave 2</h3>")
        .contains("charts/survey-answers-family-survey-pilots-wave-2.png")
        .contains("charts/survey-answers-practitioner-survey-comparison-las-wave-1.png");
    for (String chart : EVIDENCE_CHARTS) {
      int figure = page.indexOf("charts/" + chart + ".png");
      int table = page.indexOf("<table class=\"figure-table\">", figure);
      int nextFigure = page.indexOf("<figure", figure);
      assertThat(table).as(chart + " has its table").isPositive();
      assertThat(nextFigure < 0 || table < nextFigure)
          .as(chart + ": the table comes next")
          .isTrue();
    }
  }

  @Test
  void instrumentFiguresShowThePublishedValues() throws Exception {
    Path publish = fixture.out.resolve("publish");
    String page = page();
    // every pooled row of the audit table is in the chart's CSV as published
    List<String> audit = Files.readAllLines(publish.resolve("audit_criteria.csv"));
    String auditCsv =
        Files.readString(fixture.written.folder().resolve("charts/audit-criteria.csv"));
    int nationals = 0;
    for (String line : audit.subList(1, audit.size())) {
      String[] cells = line.split(",", -1);
      if (cells[2].equals("National")) {
        nationals++;
        String series = cells[11] + ", round " + cells[10];
        assertThat(auditCsv)
            .contains(",\"" + series + "\"," + cells[17] + "," + cells[18] + "," + cells[19] + ",");
      }
    }
    assertThat(nationals).isPositive();
    // the cost sentence gives the pooled total row of costs.csv
    String total =
        Files.readAllLines(publish.resolve("costs.csv")).stream()
            .filter(line -> line.contains(",National,") && line.contains(",Pilots,Total,"))
            .findFirst()
            .orElseThrow();
    String[] cells = total.split(",", -1);
    assertThat(section(page, "costs"))
        .contains(
            "Pilots ("
                + cells[12]
                + " LAs): implementation costs of £"
                + ReportFormat.fixed(Double.parseDouble(cells[13]), 0)
                + " in ");
    // the self-rating sentence gives the pooled Total rows
    List<String> totals =
        Files.readAllLines(publish.resolve("implementation_ratings.csv")).stream()
            .filter(line -> line.contains(",National,") && line.contains(",Pilots,Total,"))
            .toList();
    assertThat(totals).hasSizeGreaterThan(1);
    String first = totals.get(0).split(",", -1)[14];
    String second = totals.get(1).split(",", -1)[14];
    assertThat(section(page, "implementation"))
        .contains(
            "the mean self-rating over all elements (10 LAs) was "
                + first
                + " in wave 1 and "
                + second
                + " in wave 2 (change +");
    // the EMMIE implementation narrative quotes the same rounded values
    String[] latest = totals.get(totals.size() - 1).split(",", -1);
    assertThat(section(page, "implementation"))
        .contains(
            "Self-rated implementation in 10 pilots: "
                + latest[14]
                + " of 10 at the latest wave, +"
                + latest[15]
                + " since the first.");
    // the Likert bars' CSV holds the five published answers of each drawn item
    String[] answers = {"strongly_disagree", "disagree", "neither", "agree", "strongly_agree"};
    List<String[]> responses =
        Files.readAllLines(publish.resolve("survey_responses.csv")).stream()
            .skip(1)
            .map(line -> line.split(",", -1))
            .filter(c -> c[2].equals("National") && c[12].equals("Pilots"))
            .toList();
    int latestWave = responses.stream().mapToInt(c -> Integer.parseInt(c[11])).max().orElseThrow();
    String family =
        Files.readString(
            fixture
                .written
                .folder()
                .resolve("charts/survey-answers-family-survey-pilots-wave-2.csv"));
    int drawn = 0;
    for (String item :
        responses.stream()
            .filter(c -> c[10].equals("family_survey") && Integer.parseInt(c[11]) == latestWave)
            .map(c -> c[14])
            .distinct()
            .toList()) {
      StringBuilder five = new StringBuilder();
      for (String answer : answers) {
        String percent =
            responses.stream()
                .filter(c -> c[10].equals("family_survey") && Integer.parseInt(c[11]) == latestWave)
                .filter(c -> c[14].equals(item) && c[15].equals(answer))
                .findFirst()
                .orElseThrow()[16];
        five.append(',').append(percent);
      }
      if (!five.toString().contains("c")) {
        drawn++;
        assertThat(family).as(item).contains(five + ",");
      }
    }
    assertThat(drawn).isPositive();
  }

  @Test
  void theCheckFindsABrokenImageAndLink(@TempDir Path dir) throws Exception {
    Path index = dir.resolve("index.html");
    Files.writeString(
        index,
        "<html><body><img src=\"charts/none.png\" alt=\"\"/><a href=\"#nowhere\">x</a>"
            + "<a href=\"../secret.csv\">y</a></body></html>");
    assertThat(ReportChecks.problems(index))
        .containsExactlyInAnyOrder(
            "<a> links to missing id #nowhere",
            "<img> points to a missing or empty file: charts/none.png",
            "<a> points outside the report folder: ../secret.csv",
            "image without alt text: charts/none.png");
  }

  @Test
  void thePdfRendererReportsAnImageItCannotLoad(@TempDir Path dir) throws Exception {
    Path index = dir.resolve("index.html");
    Files.writeString(
        index, "<html><body><p>Text</p><img src=\"charts/none.png\" alt=\"none\"/></body></html>");
    List<String> warnings = PdfReport.write(index, "Broken", dir.resolve("broken.pdf"));
    assertThat(warnings).isNotEmpty();
    assertThat(String.join("\n", warnings)).contains("none.png");
  }

  /** "changed by -4.6 (95% CI -14.9 to 5.6; wild bootstrap p = 0.34)" from the did_twfe row. */
  @Test
  void headlineSentencesCarryTheNumbersOfTheirRows() throws Exception {
    Pattern numbers =
        Pattern.compile(
            "changed by ([-+]?[0-9.]+)(?: percentage points)? \\(95% CI ([-0-9.]+) to ([-0-9.]+);"
                + " wild bootstrap p = ([0-9.]+)\\)");
    String page = page();
    for (OutcomeFindings findings : outcomes) {
      EffectRow did = findings.did().orElseThrow();
      String sentence = Narrative.headline(findings);
      Matcher match = numbers.matcher(sentence);
      assertThat(match.find()).as(sentence).isTrue();
      assertThat(Double.parseDouble(match.group(1))).isCloseTo(did.estimate(), within(0.05));
      assertThat(Double.parseDouble(match.group(2))).isCloseTo(did.lowerCi(), within(0.05));
      assertThat(Double.parseDouble(match.group(3))).isCloseTo(did.upperCi(), within(0.05));
      assertThat(Double.parseDouble(match.group(4)))
          .isCloseTo(did.pValueWildBootstrap().getAsDouble(), within(0.0051));
      assertThat(sentence).startsWith("Relative to their 70 comparison LAs (68 with data), ");
      assertThat(page).contains(Html.escape(sentence));
    }
    OutcomeFindings icpc = outcomes.get(1);
    assertThat(Narrative.headline(icpc))
        .startsWith(
            "Relative to their 70 comparison LAs (68 with data), initial child protection"
                + " conferences per 10,000 children in the pilots changed by -4.6 (95% CI -14.9 to"
                + " 5.6; wild bootstrap p = ")
        .endsWith("): no evidence of an effect.");
    assertThat(Narrative.headline(outcomes.get(2)))
        .contains("changed by -5.7 (95% CI -11.2 to -0.2;")
        .endsWith("evidence of a fall (the 95% interval excludes zero).");
  }

  @Test
  void tablesShowTheSameNumbersAsTheSentences() throws Exception {
    String page = page();
    OutcomeFindings icpc = outcomes.get(1);
    EffectRow dl = icpc.pooledDl().orElseThrow();
    assertThat(page)
        .contains("<td>-4.6</td><td>-14.9 to 5.6</td>")
        .contains(
            "<th scope=\"row\">Pooled (DerSimonian-Laird)</th><td>"
                + ReportFormat.signed(dl.estimate(), 1)
                + "</td><td>"
                + ReportFormat.interval(dl.lowerCi(), dl.upperCi(), 1)
                + "</td>");
    assertThat(Narrative.pooling(icpc))
        .contains(
            "gives "
                + ReportFormat.signed(dl.estimate(), 1)
                + " (95% CI "
                + ReportFormat.interval(dl.lowerCi(), dl.upperCi(), 1))
        .contains("I² = " + ReportFormat.fixed(dl.diagnostics().i2Percent().getAsDouble(), 1));
  }

  @Test
  void keyMessagesStateTheLimitsOfTheDesignAndNameOutcomesThatDivergedBeforeGoLive()
      throws Exception {
    String keys = section(page(), "key-messages");
    assertThat(keys)
        .contains(
            "The pilots were not chosen at random: each estimate compares them with "
                + fixture.result.group().comparators().size()
                + " comparison LAs");
    for (OutcomeFindings findings : outcomes) {
      long diverging =
          findings.eventStudy().stream()
              .filter(t -> t.term().getAsInt() < 0)
              .filter(t -> t.upperCi() < 0 || t.lowerCi() > 0)
              .count();
      String named = "For " + findings.labelInSentence() + " the pilots were already diverging";
      if (diverging > 0) {
        assertThat(keys).as(findings.outcome()).contains(named);
      } else {
        assertThat(keys).as(findings.outcome()).doesNotContain(named);
      }
    }
  }

  @Test
  void theExecutiveSummaryStatesTheUnitOfTheEstimates() throws Exception {
    String summary = section(page(), "summary");
    assertThat(summary).contains("Each estimate is a change in its outcome's own unit");
    boolean percent = outcomes.stream().anyMatch(OutcomeFindings::percent);
    assertThat(summary.contains("for a percentage, percentage points.")).isEqualTo(percent);
  }

  @Test
  void readersSeeWordsNotCodes() throws Exception {
    String text = page().replaceAll("<[^>]+>", " ");
    String appendixB = section(page(), "appendix-b");
    for (EffectDirection direction : EffectDirection.values()) {
      assertThat(appendixB).doesNotContain(">" + direction.label() + "<");
    }
    assertThat(appendixB).contains(">" + Emmie.directionInWords(EffectDirection.REDUCED) + "<");
    // outcome columns only in Appendix A's "Column" and the config's text, never in sentences
    String emmie = section(page(), "emmie");
    for (OutcomeFindings findings : outcomes) {
      assertThat(emmie).doesNotContain(findings.outcome());
    }
    assertThat(text).doesNotContain("p = 0.000").doesNotContain("NaN").doesNotContain("Infinity");
    assertThat(section(page(), "appendix-f"))
        .contains("on Java " + System.getProperty("java.version") + ".");
  }

  @Test
  void appendixENamesEveryComparisonLaReorganisedOnesToo() throws Exception {
    String appendix = section(page(), "appendix-e");
    List<String> comparators = fixture.result.group().comparators();
    // the wave-1 neighbours (2021 model) include the new Dorset (838, reporting year 2020 on) and
    // North Northamptonshire (940, 2022 on); the example does not use predecessors
    assertThat(comparators).contains("838", "940");
    assertThat(appendix)
        .contains(
            "<th scope=\"row\">Dorset</th><td>838</td><td>South West</td>"
                + "<td>From 2019-20, area from Dorset (835); no data for earlier years</td>")
        .contains(
            "<th scope=\"row\">North Northamptonshire</th><td>940</td><td>East Midlands</td>"
                + "<td>From 2021-22, area from Northamptonshire (928); no data for earlier"
                + " years</td>");
    for (String code : comparators) {
      String name = LaCrosswalk.byOldCode(code).orElseThrow().name();
      assertThat(appendix)
          .as(code)
          .contains("<th scope=\"row\">" + Html.escape(name) + "</th><td>" + code + "</td>");
    }
  }

  @Test
  void laNamesInTablesAndChartsCoverReorganisedLas() {
    assertThat(ReportCharts.laName("940")).isEqualTo("North Northamptonshire");
    assertThat(ReportCharts.laName("941")).isEqualTo("West Northamptonshire");
    assertThat(ReportCharts.laName("839")).isEqualTo("Bournemouth, Christchurch and Poole");
    assertThat(ReportCharts.laName("838")).isEqualTo("Dorset");
    assertThat(ReportCharts.laName("942")).isEqualTo("Cumberland");
    assertThat(ReportCharts.laName("943")).isEqualTo("Westmorland and Furness");
    assertThat(ReportCharts.laName("304")).isEqualTo("Brent");
    assertThat(ReportCharts.laName("999")).isEqualTo("999");
  }

  @Test
  void saysPlainlyWhenThereIsNoEvidenceOnImplementationCostsOrEmmie() throws Exception {
    String page = Files.readString(fixture.outcomesOnly.index(), StandardCharsets.UTF_8);
    for (String section : List.of("implementation", "costs", "emmie")) {
      int start = page.indexOf("<section id=\"" + section + "\">");
      int end = page.indexOf("</section>", start);
      assertThat(page.substring(start, end)).as(section).contains("No evidence supplied.");
    }
  }

  @Test
  void suppliedEvidenceTakesThePlaceOfNoEvidence() {
    Map<String, ReportCharts.OutcomeCharts> noCharts = new LinkedHashMap<>();
    ReportCharts.Drawn none = new ReportCharts.Drawn("Over time", Optional.empty(), "Not drawn.");
    outcomes.forEach(
        findings ->
            noCharts.put(findings.outcome(), new ReportCharts.OutcomeCharts(none, none, none)));
    ReportEvidence evidence =
        new ReportEvidence(
            Optional.of(
                EvidenceSection.of(
                    List.of("Eight of ten pilots completed the self-profile <twice>."),
                    List.of(
                        ReportTable.of(
                            "Self-profiling scores",
                            List.of("Pilot", "Score"),
                            List.of(List.of("Brent", "3.2")))))),
            Optional.empty(),
            Optional.empty());
    String page =
        HtmlReport.render(
            new HtmlReport.Content(
                fixture.config,
                fixture.result,
                evidence,
                outcomes,
                noCharts,
                Map.of(),
                Provenance.of(fixture.config),
                ""));
    int start = page.indexOf("<section id=\"implementation\">");
    String implementation = page.substring(start, page.indexOf("</section>", start));
    assertThat(implementation)
        .contains("Eight of ten pilots completed the self-profile &lt;twice&gt;.")
        .contains("Self-profiling scores</caption>")
        .doesNotContain("No evidence supplied.");
    assertThat(page).contains("No evidence was supplied on costs or the EMMIE summary");
  }

  @Test
  void theSameInputsGiveTheSameReport(@TempDir Path other) throws Exception {
    Files.createDirectories(other.resolve("publish"));
    Clock later = Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC);
    Report.Written again =
        Report.write(
            new Report.Input(fixture.config, fixture.result, fixture.evidence), other, later);
    assertThat(again.index()).hasSameBinaryContentAs(fixture.written.index());
    assertThat(again.pdf()).hasSameBinaryContentAs(fixture.written.pdf());
    try (Stream<Path> charts = Files.list(fixture.written.folder().resolve("charts"))) {
      for (Path chart : charts.filter(p -> !p.toString().endsWith(".png")).toList()) {
        assertThat(again.folder().resolve("charts").resolve(chart.getFileName()))
            .hasSameBinaryContentAs(chart);
      }
    }
    assertThat(Files.readString(again.manifest()))
        .contains("\"generated_at\" : \"2027-01-01T00:00:00Z\"");
    assertThat(page()).doesNotContain("2026-11-23").doesNotContain("generated_at");
  }

  @Test
  void theManifestHashesEveryInputAndOutput() throws Exception {
    JsonNode manifest = new ObjectMapper().readTree(fixture.written.manifest().toFile());
    assertThat(manifest.get("generated_at").asText()).isEqualTo("2026-11-23T12:00:00Z");
    assertThat(manifest.at("/config/sha256").asText()).isEqualTo(sha256(ReportFixture.EXAMPLE));
    assertThat(manifest.at("/config/text").asText())
        .isEqualTo(Files.readString(ReportFixture.EXAMPLE));
    Path publicDir = fixture.config.sources().publicDir().orElseThrow();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(publicDir)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    JsonNode inputs = manifest.get("inputs");
    assertThat(inputs).hasSize(files.size());
    Map<String, String> hashes = new LinkedHashMap<>();
    inputs.forEach(input -> hashes.put(input.get("path").asText(), input.get("sha256").asText()));
    for (Path file : files) {
      String relative = publicDir.relativize(file).toString().replace('\\', '/');
      assertThat(hashes).as(relative).containsEntry(relative, sha256(file));
    }
    Map<String, String> outputs = new LinkedHashMap<>();
    manifest
        .get("outputs")
        .forEach(output -> outputs.put(output.get("path").asText(), output.get("sha256").asText()));
    assertThat(outputs)
        .containsEntry("report/index.html", sha256(fixture.written.index()))
        .containsEntry("report/report.pdf", sha256(fixture.written.pdf()))
        .containsEntry("publish/effects.csv", sha256(fixture.result.effects()))
        .containsKey("report/charts/icpc-rate-forest.png")
        .containsKey("report/charts/emmie-summary.png");
    // the report shows the same input hashes as the manifest
    String first = inputs.get(0).get("sha256").asText();
    assertThat(page()).contains(first).contains(manifest.at("/config/sha256").asText());
  }

  @Test
  void everyPdfPageHasContent() throws Exception {
    try (PDDocument pdf = Loader.loadPDF(fixture.written.pdf().toFile())) {
      assertThat(pdf.getNumberOfPages()).isGreaterThan(10);
      PDFRenderer renderer = new PDFRenderer(pdf);
      for (int page = 0; page < pdf.getNumberOfPages(); page++) {
        BufferedImage image = renderer.renderImageWithDPI(page, 40);
        assertThat(inkShare(image))
            .as("share of non-white pixels on page %d", page + 1)
            // a page with a dozen lines of text has about 0.5%; the footer alone well under 0.1%
            .isGreaterThan(0.002);
        if (page == 0) {
          ImageIO.write(image, "png", Path.of("target", "report-example-page-1.png").toFile());
        }
      }
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text)
          .contains("Key messages")
          .contains("Case audits")
          .contains("Costs by category")
          .contains("Appendix F: Provenance");
      assertThat(text.replaceAll("\\s+", " ")).contains("changed by -4.6 (95% CI -14.9 to 5.6;");
    }
  }

  private static double inkShare(BufferedImage image) {
    long ink = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (r + g + b < 600) {
          ink++;
        }
      }
    }
    return (double) ink / ((long) image.getWidth() * image.getHeight());
  }

  static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
