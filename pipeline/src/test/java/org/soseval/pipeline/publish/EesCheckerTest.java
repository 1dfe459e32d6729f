package org.soseval.pipeline.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A valid EES file passes; each deliberately broken copy fails its rule with a clear message. */
class EesCheckerTest {
  static final String DATA =
      """
      time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,referrals_count,rereferral_12m_percent
      2019,Reporting year,National,E92000001,England,,,,,,100,20.5
      2019,Reporting year,Regional,E92000001,England,E12000004,East Midlands,,,,50,c
      2019,Reporting year,Local authority,E92000001,England,E12000004,East Midlands,855,E10000018,Leicestershire,50,x
      2019,Reporting year,Local authority,E92000001,England,E12000009,South West,839,E06000058,"Bournemouth, Christchurch and Poole",7,z
      """;

  static final String META =
      """
      col_name,col_type,label,indicator_grouping,indicator_unit,indicator_dp,filter_hint,filter_grouping_column
      referrals_count,Indicator,Number of referrals,Referrals,,0,,
      rereferral_12m_percent,Indicator,Percentage of referrals that were re-referrals,Referrals,%,1,,
      """;

  @TempDir Path dir;

  private EesChecker.Report check(String name, String data, String meta) throws IOException {
    Files.writeString(dir.resolve(name), data, StandardCharsets.UTF_8);
    if (meta != null) {
      Files.writeString(
          dir.resolve(name.replace(".csv", ".meta.csv")), meta, StandardCharsets.UTF_8);
    }
    return EesChecker.checkDirectory(dir);
  }

  @Test
  void validFilePasses() throws IOException {
    EesChecker.Report report = check("referrals.csv", DATA, META);
    assertThat(report.findings()).isEmpty();
    assertThat(report.files()).containsExactly(dir.resolve("referrals.csv"));
    assertThat(report.passed()).isTrue();
  }

  static Stream<Arguments> brokenFiles() {
    return Stream.of(
        broken("file-name", "Bad Name.csv", d -> d, m -> m, "file name must be lower-case letters"),
        broken(
            "meta-file",
            "referrals.csv",
            d -> d,
            m -> null,
            "the metadata file referrals.meta.csv is missing"),
        broken(
            "csv-format",
            "referrals.csv",
            d -> d.replace(",100,20.5", ",100,20.5,9"),
            m -> m,
            "row has 13 cells, the header 12"),
        broken(
            "column-name",
            "referrals.csv",
            d -> d.replace(",referrals_count,", ",Referrals Count,"),
            m -> m.replace("referrals_count,", "Referrals Count,"),
            "column names must be snake_case"),
        broken(
            "mandatory-columns",
            "referrals.csv",
            d -> d.replace("country_name,", "country,"),
            m -> m,
            "mandatory column country_name is missing"),
        broken(
            "time-period",
            "referrals.csv",
            d -> d.replaceFirst("2019,", "20190,"),
            m -> m,
            "time_period must be 4 or 6 digits: '20190'"),
        broken(
            "time-period",
            "referrals.csv",
            d -> d.replace("2019,Reporting year", "201820,Academic year"),
            m -> m,
            "a 6-digit time_period must be two consecutive years (e.g. 201718): '201820'"),
        broken(
            "time-identifier",
            "referrals.csv",
            d -> d.replace("Reporting year", "Reporting Year"),
            m -> m,
            "unknown time_identifier 'Reporting Year'"),
        broken(
            "time-identifier",
            "referrals.csv",
            d -> d.replace("Reporting year", "Academic year"),
            m -> m,
            "time_identifier 'Academic year' needs a 6-digit time_period: '2019'"),
        broken(
            "time-identifier",
            "referrals.csv",
            d -> d.replaceFirst("2019,Reporting year", "201819,Financial year"),
            m -> m,
            "different kinds of time period in one file: [Financial year, Reporting year]"),
        broken(
            "geographic-level",
            "referrals.csv",
            d -> d.replace(",National,", ",Country,"),
            m -> m,
            "unknown geographic_level 'Country'"),
        broken(
            "geography-columns",
            "referrals.csv",
            d -> d.replace(",Leicestershire,", ",,"),
            m -> m,
            "Local authority rows need la_name filled"),
        broken(
            "geography-columns",
            "referrals.csv",
            d -> d.replace("National,E92000001,England,,", "National,E92000001,England,E12000004,"),
            m -> m,
            "region_code must be blank on National rows"),
        broken(
            "geography-columns",
            "referrals.csv",
            d -> d.replace("Regional,E92000001,England", "Regional,,England"),
            m -> m,
            "country_code must be filled on every row"),
        broken(
            "location",
            "referrals.csv",
            d -> d.replace(",Leicestershire,", ",Leicester,"),
            m -> m,
            "old_la_code 855, new_la_code E10000018, la_name 'Leicester' is not a known LA combination (855 is Leicestershire, E10000018)"),
        broken(
            "location",
            "referrals.csv",
            d -> d.replace("E12000004,East Midlands,,", "E12000004,East Mids,,"),
            m -> m,
            "code E12000004 is East Midlands, not 'East Mids'"),
        broken(
            "char-limit",
            "referrals.csv",
            d ->
                d.replace(
                    "E12000004,East Midlands,855", "E12000004,East Midlands,855" + "0".repeat(30)),
            m -> m,
            "old_la_code longer than 30 characters (33)"),
        broken(
            "null-value",
            "referrals.csv",
            d -> d.replace(",100,20.5", ",NA,20.5"),
            m -> m,
            "'NA' is not allowed: use a GSS symbol"),
        broken(
            "indicator-value",
            "referrals.csv",
            d -> d.replace(",100,20.5", ",,20.5"),
            m -> m,
            "indicator cells must not be blank"),
        broken(
            "indicator-value",
            "referrals.csv",
            d -> d.replace(",50,c", ",50,:"),
            m -> m,
            "':' is an obsolete symbol: use x"),
        broken(
            "indicator-value",
            "referrals.csv",
            d -> d.replace(",100,20.5", ",\"1,100\",20.5%"),
            m -> m,
            "'1,100' is neither a number (no thousands separators, %, £ or spaces) nor a GSS symbol"),
        broken(
            "duplicate-row",
            "referrals.csv",
            d -> d + "2019,Reporting year,National,E92000001,England,,,,,,100,20.5\n",
            m -> m,
            "another row has the same time period, location and filters"),
        broken(
            "meta-columns",
            "referrals.csv",
            d -> d,
            m -> m.replace("col_name,col_type", "col_type,col_name"),
            "metadata columns must start col_name,col_type,label"),
        broken(
            "meta-col-type",
            "referrals.csv",
            d -> d,
            m -> m.replace("referrals_count,Indicator", "referrals_count,Measure"),
            "col_type must be Filter or Indicator: 'Measure'"),
        broken(
            "meta-label",
            "referrals.csv",
            d -> d,
            m -> m.replace("Number of referrals", ""),
            "label is blank"),
        broken(
            "meta-label",
            "referrals.csv",
            d -> d,
            m -> m.replace("Percentage of referrals that were re-referrals", "Number of referrals"),
            "duplicate label 'Number of referrals'"),
        broken(
            "meta-unit",
            "referrals.csv",
            d -> d,
            m -> m.replace(",%,1,", ",percent,1,"),
            "indicator_unit must be blank, %, pp, £, £m or numberstring: 'percent'"),
        broken(
            "meta-dp",
            "referrals.csv",
            d -> d,
            m -> m.replace(",%,1,", ",%,one,"),
            "indicator_dp must be blank or a whole number of decimal places: 'one'"),
        broken(
            "meta-col-name",
            "referrals.csv",
            d -> d,
            m -> m + "time_period,Filter,Year,,,,,\n",
            "time and geography columns must not have metadata rows: 'time_period'"),
        broken(
            "meta-col-name",
            "referrals.csv",
            d -> d,
            m -> m + "s47_count,Indicator,Number of s47s,S47,,0,,\n",
            "col_name 's47_count' is not a column of referrals.csv"),
        broken(
            "meta-missing",
            "referrals.csv",
            d -> d,
            m -> m.replace("referrals_count,Indicator,Number of referrals,Referrals,,0,,\n", ""),
            "column 'referrals_count' of referrals.csv has no metadata row"),
        broken(
            "filter-value",
            "referrals.csv",
            d ->
                d.replace("la_name,", "la_name,group,")
                    .replace("England,,,,,,100", "England,,,,,,,100")
                    .replaceAll("(Leicestershire|Poole\"|East Midlands,,,),", "$1,Pilot,"),
            m -> m + "group,Filter,Comparison group,,,,,\n",
            "filter group has no Total row"),
        broken(
            "filter-value",
            "referrals.csv",
            d ->
                d.replace("la_name,", "la_name,group,")
                    .replace("England,,,,,,100", "England,,,,,,,100")
                    .replaceAll("(Leicestershire|Poole\"|East Midlands,,,),", "$1,Total,"),
            m -> m + "group,Filter,Comparison group,,,,,\n",
            "filter cells must not be blank: use Total for the aggregate"),
        broken(
            "meta-filter-hint",
            "referrals.csv",
            d ->
                d.replace("la_name,", "la_name,group,")
                    .replaceAll(
                        "(England,,,,,|Leicestershire|Poole\"|East Midlands,,,),", "$1,Total,"),
            m -> m + "group,Filter,Comparison group,,,,Comparison group,\n",
            "filter_hint must not repeat the label"),
        broken(
            "meta-grouping-column",
            "referrals.csv",
            d ->
                d.replace("la_name,", "la_name,group,")
                    .replaceAll(
                        "(England,,,,,|Leicestershire|Poole\"|East Midlands,,,),", "$1,Total,"),
            m -> m + "group,Filter,Comparison group,,,,,group_group\n",
            "filter_grouping_column 'group_group' is not a column of referrals.csv"));
  }

  private static Arguments broken(
      String rule,
      String name,
      UnaryOperator<String> data,
      UnaryOperator<String> meta,
      String message) {
    return Arguments.of(rule, name, data, meta, message);
  }

  @ParameterizedTest(name = "{0}: {4}")
  @MethodSource("brokenFiles")
  void eachBrokenFileFailsItsRule(
      String rule,
      String name,
      UnaryOperator<String> data,
      UnaryOperator<String> meta,
      String message)
      throws IOException {
    EesChecker.Report report = check(name, data.apply(DATA), meta.apply(META));
    assertThat(report.passed()).as("report %s", report.findings()).isFalse();
    assertThat(report.failures())
        .as("failures %s", report.failures())
        .anySatisfy(
            f -> {
              assertThat(f.rule()).isEqualTo(rule);
              assertThat(f.message()).contains(message);
              assertThat(f.file()).isIn(name, name.replace(".csv", ".meta.csv"));
            });
  }

  /** A filter with no aggregate (e.g. an estimation method) names its default item instead. */
  static final String FILTER_DATA =
      DATA.replace("la_name,", "la_name,group,")
          .replace("England,,,,,,100", "England,,,,,,Pilot,100")
          .replaceAll("(Leicestershire|Poole\"|East Midlands,,,),", "$1,Pilot,");

  static final String FILTER_META =
      """
      col_name,col_type,label,indicator_grouping,indicator_unit,indicator_dp,filter_hint,filter_grouping_column,filter_default
      group,Filter,Comparison group,,,,,,Pilot
      referrals_count,Indicator,Number of referrals,Referrals,,0,,,
      rereferral_12m_percent,Indicator,Percentage of referrals that were re-referrals,Referrals,%,1,,,
      """;

  @Test
  void aFilterWithoutTotalPassesWhenItNamesItsDefault() throws IOException {
    EesChecker.Report report = check("referrals.csv", FILTER_DATA, FILTER_META);
    assertThat(report.failures()).isEmpty();
  }

  @Test
  void aFilterDefaultMustBeAnItemOfTheData() throws IOException {
    EesChecker.Report report =
        check("referrals.csv", FILTER_DATA, FILTER_META.replace(",,,,,,Pilot", ",,,,,,Comparison"));
    assertThat(report.failures())
        .extracting(EesFailure::message)
        .containsExactly("filter_default 'Comparison' of filter group is not in the data");
  }

  @Test
  void invalidUtf8FailsTheEncodingRule() throws IOException {
    byte[] bytes =
        DATA.replace("Leicestershire", "Leicestershire\u00e9")
            .getBytes(StandardCharsets.ISO_8859_1);
    Files.write(dir.resolve("referrals.csv"), bytes);
    Files.writeString(dir.resolve("referrals.meta.csv"), META, StandardCharsets.UTF_8);
    List<EesFailure> failures = EesChecker.checkDirectory(dir).failures();
    assertThat(failures)
        .singleElement()
        .hasToString(
            "referrals.csv:0:: FAIL [encoding] the file is not valid UTF-8: save it as UTF-8");
  }

  @Test
  void failuresNameFileLineAndColumn() throws IOException {
    EesChecker.Report report = check("referrals.csv", DATA.replace(",50,c", ",50,:"), META);
    assertThat(report.failures())
        .singleElement()
        .hasToString(
            "referrals.csv:3:rereferral_12m_percent: FAIL [indicator-value] ':' is an obsolete symbol: use x");
    assertThat(report.failedFiles()).containsExactly("referrals.csv");
  }

  @Test
  void questionableMissingValuesOnlyWarn() throws IOException {
    EesChecker.Report report = check("referrals.csv", DATA.replace(",50,c", ",50,.."), META);
    assertThat(report.passed()).isTrue();
    assertThat(report.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(EesFailure.Severity.WARN);
              assertThat(f.message())
                  .isEqualTo("'..' looks like a missing value: use a GSS symbol");
            });
  }
}
