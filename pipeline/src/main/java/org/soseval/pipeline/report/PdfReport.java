package org.soseval.pipeline.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * {@code report.pdf}: the report's own XHTML and stylesheet laid out on A4 pages by openhtmltopdf
 * (PDFBox), so the PDF says exactly what the page says. DejaVu Sans is embedded when the machine
 * has it (it has the τ, ² and · the page uses); otherwise the PDF falls back to Helvetica. The PDF
 * carries no time: its document id is derived from the page itself, so the same page gives the same
 * PDF.
 */
final class PdfReport {
  private static final List<String> FONT_FOLDERS =
      List.of(
          "/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF");

  static {
    // the renderer's own log lines (timings, font loading) would reach the terminal; its warnings
    // and errors are collected per run by the diagnostic consumer instead
    XRLog.setLoggerImpl(new Quiet());
  }

  private PdfReport() {}

  /** Writes nothing; lets warnings and errors through to the per-run diagnostic consumer. */
  private static final class Quiet implements XRLogger {
    @Override
    public void log(String where, Level level, String message) {}

    @Override
    public void log(String where, Level level, String message, Throwable error) {}

    @Override
    public void setLevel(String logger, Level level) {}

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
      return diagnostic.getLevel().intValue() >= Level.WARNING.intValue();
    }

    @Override
    public void log(Diagnostic diagnostic) {}
  }

  /**
   * Writes the PDF of {@code index} (which links its stylesheet and images relatively).
   *
   * @return the renderer's warnings and errors (e.g. an image it could not load); empty when the
   *     page was laid out cleanly
   */
  static List<String> write(Path index, String title, Path pdf) {
    String page;
    try {
      page = Files.readString(index, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the report page " + index, e);
    }
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.withHtmlContent(page, index.getParent().toUri().toString());
    builder.withProducer("sos-eval");
    List<String> problems = new ArrayList<>();
    builder.withDiagnosticConsumer(
        diagnostic -> {
          if (diagnostic.getLevel().intValue() >= Level.WARNING.intValue()) {
            problems.add(diagnostic.getFormattedMessage());
          }
        });
    font(builder, "DejaVuSans.ttf", "DejaVu Sans", 400, FontStyle.NORMAL);
    font(builder, "DejaVuSans-Bold.ttf", "DejaVu Sans", 700, FontStyle.NORMAL);
    font(builder, "DejaVuSans-Oblique.ttf", "DejaVu Sans", 400, FontStyle.ITALIC);
    font(builder, "DejaVuSansMono.ttf", "DejaVu Sans Mono", 400, FontStyle.NORMAL);
    try (OutputStream out = Files.newOutputStream(pdf);
        PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
      renderer.createPDFWithoutClosing();
      PDDocument document = renderer.getPdfDocument();
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle(title);
      info.setCreator("sos-eval");
      info.setProducer("sos-eval (openhtmltopdf, PDFBox)");
      info.setCreationDate(null);
      info.setModificationDate(null);
      byte[] id = sha256(page);
      COSArray ids = new COSArray();
      ids.add(new COSString(id));
      ids.add(new COSString(id));
      document.getDocument().getTrailer().setItem(COSName.ID, ids);
      document.save(out);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the report PDF " + pdf, e);
    }
    return List.copyOf(problems);
  }

  private static void font(
      PdfRendererBuilder builder, String file, String family, int weight, FontStyle style) {
    for (String folder : FONT_FOLDERS) {
      File font = new File(folder, file);
      if (font.isFile()) {
        builder.useFont(font, family, weight, style, true);
        return;
      }
    }
  }

  private static byte[] sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return java.util.Arrays.copyOf(digest, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
