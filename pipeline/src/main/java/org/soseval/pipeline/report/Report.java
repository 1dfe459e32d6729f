package org.soseval.pipeline.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.soseval.pipeline.charts.Chart;
import org.soseval.pipeline.charts.ChartFiles;
import org.soseval.pipeline.charts.ChartWriter;
import org.soseval.pipeline.compare.EffectEstimator;
import org.soseval.pipeline.compare.Evaluation;
import org.soseval.pipeline.compare.EvaluationConfig;
import org.soseval.pipeline.files.FileTrees;

/**
 * Writes the evaluation report: {@code OUT/report/} with {@code index.html}, {@code report.css},
 * {@code charts/} (PNG, SVG, CSV and alt text of every chart), {@code data/} (the effects, panel
 * and summary the report was made from) and {@code report.pdf}; and the run manifest {@code
 * OUT/manifest.json}. The report folder holds no time and no random ordering: the same inputs give
 * byte-identical {@code index.html}; only the manifest has a time, from the {@link Clock}.
 */
public final class Report {
  static final String FOLDER = "report";
  static final String INDEX = "index.html";
  static final String PDF = "report.pdf";
  static final String CSS = "report.css";

  private Report() {}

  /**
   * What goes into a report.
   *
   * @param config the evaluation config
   * @param result what {@link Evaluation#run} returned for it
   * @param evidence implementation, costs and EMMIE evidence ({@link ReportEvidence#none()} when
   *     the evaluation has no instruments)
   */
  public record Input(EvaluationConfig config, Evaluation.Result result, ReportEvidence evidence) {
    public Input {
      Objects.requireNonNull(config, "config is null");
      Objects.requireNonNull(result, "result is null");
      Objects.requireNonNull(evidence, "evidence is null");
    }
  }

  /**
   * The files written: the report folder, its page and PDF, and the run manifest; and what the PDF
   * renderer warned about (empty when the page was laid out cleanly).
   */
  public record Written(
      Path folder, Path index, Path pdf, Path manifest, List<String> pdfWarnings) {
    public Written {
      pdfWarnings = List.copyOf(pdfWarnings);
    }
  }

  /** Writes the report and the manifest of the run that made {@code out}. */
  public static Written write(Input input, Path out, Clock clock) {
    Path folder = out.resolve(FOLDER);
    Path charts = folder.resolve("charts");
    Path data = folder.resolve("data");
    try {
      FileTrees.delete(folder);
      Files.createDirectories(charts);
      Files.createDirectories(data);
      copy(input.result().effects(), data.resolve("effects.csv"));
      copy(input.result().panel(), data.resolve("panel.csv"));
      copy(input.result().summary(), data.resolve("evaluation.json"));
      Files.writeString(folder.resolve(CSS), css(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare the report folder " + folder, e);
    }

    List<OutcomeFindings> outcomes = new ArrayList<>();
    for (EffectEstimator.OutcomeEffects effects : input.result().outcomes()) {
      outcomes.add(OutcomeFindings.of(effects, input.result().group()));
    }
    int firstImplementation =
        input.config().pilots().stream()
            .mapToInt(EvaluationConfig.PilotSpec::implementationYear)
            .min()
            .orElseThrow();
    int lastImplementation =
        input.config().pilots().stream()
            .mapToInt(EvaluationConfig.PilotSpec::implementationYear)
            .max()
            .orElseThrow();
    String source = sourceNote(input.config());
    Map<String, ReportCharts.OutcomeCharts> drawn = new LinkedHashMap<>();
    for (OutcomeFindings findings : outcomes) {
      drawn.put(
          findings.outcome(),
          ReportCharts.write(findings, firstImplementation, lastImplementation, source, charts));
    }
    Map<String, ChartFiles> evidenceCharts = new LinkedHashMap<>();
    ChartWriter writer = ChartWriter.create();
    for (EvidenceFigure figure : input.evidence().figures()) {
      Chart chart = figure.chart();
      if (evidenceCharts.containsKey(chart.name()) || drawnNames(drawn).contains(chart.name())) {
        throw new IllegalArgumentException(
            "two charts of the report are named "
                + chart.name()
                + ": give each figure its own name");
      }
      evidenceCharts.put(chart.name(), writer.write(chart, charts));
    }
    Provenance provenance = Provenance.of(input.config());
    String page =
        HtmlReport.render(
            new HtmlReport.Content(
                input.config(),
                input.result(),
                input.evidence(),
                outcomes,
                drawn,
                evidenceCharts,
                provenance,
                css()));
    Path index = folder.resolve(INDEX);
    Path pdf = folder.resolve(PDF);
    try {
      Files.writeString(index, page, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the report " + index, e);
    }
    List<String> pdfWarnings = PdfReport.write(index, input.config().name(), pdf);

    List<Path> outputs = new ArrayList<>();
    for (Path written :
        List.of(input.result().effects(), input.result().panel(), input.result().summary())) {
      outputs.add(out.relativize(written));
    }
    outputs.addAll(filesUnder(out, folder));
    Path manifest = RunManifest.write(out, clock, input.config(), provenance, outputs);
    return new Written(folder, index, pdf, manifest, pdfWarnings);
  }

  private static List<String> drawnNames(Map<String, ReportCharts.OutcomeCharts> drawn) {
    List<String> names = new ArrayList<>();
    for (ReportCharts.OutcomeCharts charts : drawn.values()) {
      for (ReportCharts.Drawn chart :
          List.of(charts.overTime(), charts.eventStudy(), charts.forest())) {
        chart
            .files()
            .ifPresent(
                files ->
                    names.add(files.png().getFileName().toString().replaceFirst("\\.png$", "")));
      }
    }
    return names;
  }

  private static String sourceNote(EvaluationConfig config) {
    List<String> sources = new ArrayList<>();
    config.sources().publicDir().ifPresent(dir -> sources.add("DfE published statistics, ONS"));
    config.sources().panel().ifPresent(file -> sources.add("evaluator's panel"));
    config.sources().deposits().ifPresent(dir -> sources.add("case-level returns"));
    return "Source: "
        + String.join("; ", sources)
        + ". Means of the LA-year values used in the estimates.";
  }

  private static String css() {
    try (InputStream in = Report.class.getResourceAsStream("/report/" + CSS)) {
      if (in == null) {
        throw new IllegalStateException("report/" + CSS + " is not on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the report stylesheet", e);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
  }

  private static List<Path> filesUnder(Path out, Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      return paths
          .filter(Files::isRegularFile)
          .map(out::relativize)
          .sorted(Comparator.comparing(path -> path.toString().replace('\\', '/')))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the report folder " + folder, e);
    }
  }
}
