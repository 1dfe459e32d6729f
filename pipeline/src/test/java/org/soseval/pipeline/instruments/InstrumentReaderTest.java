package org.soseval.pipeline.instruments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soseval.pipeline.PipelineException;
import org.soseval.pipeline.privacy.PseudonymKey;
import org.soseval.pipeline.privacy.Pseudonymiser;

class InstrumentReaderTest {
  private static final Pseudonymiser KEY =
      Pseudonymiser.create(
          PseudonymKey.fromEnvironment("a test key of 32 bytes, not real").orElseThrow());
  private static final String AUDIT_HEADER =
      "la_code,audit_id,case_id,audit_date,audit_round,audit_tool_version,auditor_role,"
          + "criterion_id,rating\n";

  @TempDir Path temp;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(temp.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void recognisesEachInstrumentByItsColumns() throws IOException {
    Path audit =
        write("anything.csv", AUDIT_HEADER + "855,A1,C1,2015-06-01,1,1,peer,childs_voice,met\n");
    Path training =
        write(
            "t.csv",
            "la_code,course,date,staff_trained,staff_in_scope\n855,basic_two_day,01/06/2015,10,20\n");
    assertThat(InstrumentReader.read(audit, KEY).schema().instrument()).isEqualTo("case_audit");
    InstrumentFile file = InstrumentReader.read(training, KEY);
    assertThat(file.schema().instrument()).isEqualTo("training");
    assertThat(file.rows().get(0).text("date")).isEqualTo("2015-06-01");
  }

  @Test
  void tellsTheTwoSurveysApartByTheirItems() throws IOException {
    String header = "la_code,respondent_id,wave,wave_date,item_id,response\n";
    Path family = write("s1.csv", header + "855,R1,1,2015-04-01,fs_listened,4\n");
    Path staff = write("s2.csv", header + "855,R1,1,2015-04-01,PS_JOB_LIKE,dk\n");
    assertThat(InstrumentReader.read(family, KEY).schema().instrument()).isEqualTo("family_survey");
    InstrumentFile practitioners = InstrumentReader.read(staff, KEY);
    assertThat(practitioners.schema().instrument()).isEqualTo("practitioner_survey");
    assertThat(practitioners.rows().get(0).text("item_id")).isEqualTo("ps_job_like");
    assertThat(practitioners.rows().get(0).text("response")).isEqualTo("DK");
  }

  @Test
  void reportsEveryBadRowWithItsLineFieldAndRuleAndLosesNothing() throws IOException {
    Path file =
        write(
            "audit.csv",
            AUDIT_HEADER
                + "855,A1,C1,2015-06-01,1,1,peer,childs_voice,met\n" // 2 valid
                + "85,A2,C2,2015-06-01,1,1,peer,childs_voice,met\n" // 3 bad LA code
                + "855,A3,C3,,1,1,peer,childs_voice,met\n" // 4 blank date
                + "855,A4,C4,2015-06-01,1,1,peer,childs_voice,excellent\n" // 5 bad code
                + "855,A1,C1,2015-06-01,1,1,peer,childs_voice,met\n" // 6 duplicate row
                + "855,A1,C1,2015-06-01,1,1,peer,childs_voice,partly\n" // 7 conflicting key
                + "855,A5,C5,2015-06-01,1,1,peer,complicating_factors_recorded,met\n" // 8 version
                + "855,A6,C6,2015-06-31,1,1,peer,childs_voice,met\n" // 9 impossible date
                + ",,,,,,,,\n" // 10 blank row
                + "855,A7,C7,2015-06-01,1,1,peer,no_such_criterion,met\n"); // 11 unknown
    InstrumentFile read = InstrumentReader.read(file, KEY);
    assertThat(read.rowsRead()).isEqualTo(10);
    assertThat(read.rows()).hasSize(1);
    assertThat(read.rows().size() + read.rowsRejected()).isEqualTo(read.rowsRead());
    assertThat(read.problems())
        .extracting(p -> p.line() + " " + p.field() + " " + p.rule())
        .containsExactly(
            "3 la_code la-code",
            "4 audit_date required",
            "5 rating code",
            "6 (row) duplicate-row",
            "7 (row) duplicate-key",
            "8 criterion_id criterion-version",
            "9 audit_date date",
            "10 (row) blank-row",
            "11 criterion_id item");
    assertThat(read.problems().get(2).toString())
        .isEqualTo(
            "audit.csv line 5, rating: 'excellent' is not one of [met, partly, not_met, n/a] [code]");
    assertThat(read.problems().get(4).message())
        .isEqualTo(
            "conflicts with line 2 (the same [la_code, audit_id, criterion_id]); the first is kept");
  }

  @Test
  void refusesAColumnOfNames() throws IOException {
    Path file =
        write(
            "survey.csv",
            "la_code,respondent_id,parent_name,wave,wave_date,item_id,response\n"
                + "855,R1,Jane Smith,1,2015-04-01,fs_listened,4\n");
    assertThatThrownBy(() -> InstrumentReader.read(file, KEY))
        .isInstanceOf(PipelineException.class)
        .hasMessage(
            "Cannot read instrument file "
                + file
                + ": column 'parent_name' looks like a direct identifier (names, addresses, dates"
                + " of birth are never read) [direct-identifier]. Remove the column and deposit"
                + " the file again");
  }

  @Test
  void rejectsAnIdentifierThatLooksLikeANameWithoutRepeatingIt() throws IOException {
    Path file =
        write(
            "survey.csv",
            "la_code,respondent_id,wave,wave_date,item_id,response\n"
                + "855,Jane Smith,1,2015-04-01,fs_listened,4\n");
    InstrumentFile read = InstrumentReader.read(file, KEY);
    assertThat(read.rows()).isEmpty();
    assertThat(read.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.rule()).isEqualTo("identifier");
              assertThat(problem.toString()).doesNotContain("Jane");
            });
  }

  @Test
  void pseudonymisesIdentifiersWithTheKey() throws IOException {
    Path file =
        write(
            "survey.csv",
            "la_code,respondent_id,wave,wave_date,item_id,response\n"
                + "855,R1,1,2015-04-01,fs_listened,4\n");
    String pseudonym = InstrumentReader.read(file, KEY).rows().get(0).text("respondent_id");
    assertThat(pseudonym)
        .hasSize(64)
        .isNotEqualTo("R1")
        .isEqualTo(KEY.local("respondent", "855", "R1"));
  }

  @Test
  void namesTheNearestInstrumentWhenColumnsMatchNone() throws IOException {
    Path file =
        write("x.csv", "la_code,course,date,staff_trained\n855,basic_two_day,2015-01-01,3\n");
    assertThatThrownBy(() -> InstrumentReader.read(file, KEY))
        .isInstanceOf(PipelineException.class)
        .hasMessage(
            "Cannot read instrument file "
                + file
                + ": its columns [la_code, course, date, staff_trained] match no instrument;"
                + " nearest is training, which is missing [staff_in_scope] and does not have []"
                + " [columns]. Use the columns of data-schemas/instruments/training.yaml");
  }

  @Test
  void readsUtf8WithABomAndWindows1252WithAWarning() throws IOException {
    String text =
        "la_code,category,item,amount_gbp,hours,unit_cost_gbp,price_year\n"
            + "855,other_direct,Café hire,100,,,2015\n";
    Path bom = temp.resolve("bom.csv");
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[utf8.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(utf8, 0, withBom, 3, utf8.length);
    Files.write(bom, withBom);
    InstrumentFile fromBom = InstrumentReader.read(bom, KEY);
    assertThat(fromBom.rows().get(0).text("item")).isEqualTo("Café hire");
    assertThat(fromBom.warnings()).isEmpty();
    Path ansi = temp.resolve("ansi.csv");
    Files.write(ansi, text.getBytes(Charset.forName("windows-1252")));
    InstrumentFile fromAnsi = InstrumentReader.read(ansi, KEY);
    assertThat(fromAnsi.rows().get(0).text("item")).isEqualTo("Café hire");
    assertThat(fromAnsi.warnings())
        .containsExactly("ansi.csv is not valid UTF-8: read as Windows-1252; save it as CSV UTF-8");
  }

  @Test
  void rejectsUtf16WithAClearMessage() throws IOException {
    Path file = temp.resolve("u16.csv");
    Files.write(file, "la_code,course\n".getBytes(StandardCharsets.UTF_16));
    InstrumentReader.Result result = InstrumentReader.attempt(file, KEY);
    assertThat(result.file()).isEmpty();
    assertThat(result.problem().orElseThrow().toString())
        .isEqualTo(file + ": it is UTF-16 encoded. Save it as CSV UTF-8 [encoding]");
  }

  @Test
  void costsNeedAnAmountOrHoursAndUnitCostButNotBoth() throws IOException {
    Path file =
        write(
            "costs.csv",
            "la_code,category,item,amount_gbp,hours,unit_cost_gbp,price_year\n"
                + "855,training,Course,1000,,,2015\n"
                + "855,staff_time,Backfill,,100,40,2015\n"
                + "855,indirect,Both,100,10,40,2015\n"
                + "855,indirect,Hours only,,10,,2015\n");
    InstrumentFile read = InstrumentReader.read(file, KEY);
    assertThat(read.rows()).hasSize(2);
    assertThat(read.problems())
        .extracting(RowProblem::rule)
        .containsExactly("amount-or-hours", "amount-or-hours");
  }

  @Test
  void aRowInAnotherLasFolderIsReportedNotDropped() throws IOException {
    Path folder = Files.createDirectories(temp.resolve("855").resolve("instruments"));
    Files.writeString(
        folder.resolve("training.csv"),
        "la_code,course,date,staff_trained,staff_in_scope\n"
            + "855,basic_two_day,2015-06-01,10,20\n"
            + "925,basic_two_day,2015-06-01,10,20\n");
    InstrumentSet set = InstrumentSet.read(List.of(temp), KEY);
    assertThat(set.rows("training")).hasSize(1);
    assertThat(set.problems()).extracting(RowProblem::rule).containsExactly("la-code-folder");
    assertThat(set.ledger().get("training")).containsExactly(2, 1, 1);
  }

  @Test
  void aQuotedLineBreakDoesNotShiftTheLinesOfLaterRows() throws IOException {
    Path file =
        write(
            "s.csv",
            "la_code,respondent_id,wave,wave_date,item_id,response\n"
                + "855,R1,1,2015-04-01,fs_listened,\"4\n\n\"\n" // lines 2-4
                + "855,R2,1,2015-04-01,fs_listened,7\n"); // line 5
    InstrumentFile read = InstrumentReader.read(file, KEY);
    assertThat(read.rowsRead()).isEqualTo(2);
    assertThat(read.rows()).extracting(InstrumentRow::line).containsExactly(2L);
    assertThat(read.problems())
        .extracting(p -> p.line() + " " + p.field() + " " + p.rule())
        .containsExactly("5 response code");
  }

  @Test
  void numbersAreDigitsOnlyAndIntegersFitTheLakesIntegerType() throws IOException {
    Path file =
        write(
            "costs.csv",
            "la_code,category,item,amount_gbp,hours,unit_cost_gbp,price_year\n"
                + "855,training,Plain,1000.50,,,2015.0\n" // 2 valid
                + "855,training,Java suffix,10d,,,2015\n" // 3 not a number
                + "855,training,Not a number,NaN,,,2015\n" // 4
                + "855,training,Hex,0x10p0,,,2015\n" // 5
                + "855,training,Huge year,100,,,99999999999\n" // 6 not an int
                + "855,training,Negative zero,-0,,,2015\n"); // 7 valid: 0
    InstrumentFile read = InstrumentReader.read(file, KEY);
    assertThat(read.rows())
        .extracting(row -> row.text("amount_gbp"))
        .containsExactly("1000.5", "0");
    assertThat(read.rows().get(0).text("price_year")).isEqualTo("2015");
    assertThat(read.problems())
        .extracting(p -> p.line() + " " + p.field() + " " + p.rule())
        .containsExactly(
            "3 amount_gbp number",
            "4 amount_gbp number",
            "5 amount_gbp number",
            "6 price_year integer");
    assertThat(read.problems().get(3).message())
        .isEqualTo("'99999999999' is too large (at most 2147483647)");
    assertThat(read.problems().get(0).message()).isEqualTo("'10d' is not a number");
  }

  @Test
  void emptyColumnsWithoutANameAreIgnoredButOneHoldingValuesRejectsTheFile() throws IOException {
    Path trailing =
        write(
            "family_survey.csv",
            "la_code,respondent_id,wave,wave_date,item_id,response,,\n"
                + "855,R1,1,2015-04-01,fs_listened,4,,\n");
    InstrumentFile read = InstrumentReader.read(trailing, KEY);
    assertThat(read.schema().instrument()).isEqualTo("family_survey");
    assertThat(read.rows()).hasSize(1);
    Path unnamed =
        write(
            "s2.csv",
            "la_code,respondent_id,,wave,wave_date,item_id,response\n"
                + "855,R1,,1,2015-04-01,fs_listened,4\n"
                + "855,R2,Jo Bloggs,1,2015-04-01,fs_listened,4\n");
    InstrumentReader.Result result = InstrumentReader.attempt(unnamed, KEY);
    assertThat(result.file()).isEmpty();
    assertThat(result.problem().orElseThrow().toString())
        .isEqualTo(
            unnamed
                + ": column 3 has no name on the header line but holds values (line 3). Name the"
                + " column or delete it, and deposit the file again [columns]")
        .doesNotContain("Bloggs");
  }
}
