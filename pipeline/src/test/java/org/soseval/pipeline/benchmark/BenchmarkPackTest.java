package org.soseval.pipeline.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soseval.pipeline.PipelineException;
import org.soseval.pipeline.compare.StatisticalNeighbours;
import org.soseval.pipeline.panel.Indicator;
import org.soseval.pipeline.panel.PanelRow;
import org.soseval.pipeline.panel.PublishedPanel;
import org.soseval.pipeline.publish.EesChecker;
import org.soseval.pipeline.stats.compare.BenchmarkComparison;
import org.soseval.pipeline.stats.compare.TrendMarker;

/**
 * Benchmark packs checked by hand against DfE's published files (../shared/data/public/dfe: c4
 * Section 47s and ICPCs, the ONS mid-year estimates, the 2021 neighbour model): Leicestershire, the
 * lowest LA, Isles of Scilly (suppressed cells), North Northamptonshire (a new code) and Camden
 * (London). Each expected value is computed from the numbers quoted beside it.
 */
class BenchmarkPackTest {
  private static final Path PUBLIC = Path.of("../../shared/data/public");
  private static PublishedPanel panel;
  private static BenchmarkPack pack;

  @TempDir static Path out;

  @BeforeAll
  static void build() {
    assertThat(PUBLIC.resolve("dfe")).as("../shared/data/public/dfe").isDirectory();
    panel = PublishedPanel.load(PUBLIC);
    pack =
        BenchmarkPack.build(
            panel, "855", Optional.empty(), StatisticalNeighbours.load(PUBLIC, "2021"));
  }

  private static BenchmarkPack.Row row(Indicator indicator, int year) {
    return pack.rows().stream()
        .filter(row -> row.indicator() == indicator && row.year() == year)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void usesTheNeighboursOfTheChosenModel() {
    // New_Statistical_Neighbour_Groupings_April_2021.csv, row 855: SN1 803 ... SN10 895
    assertThat(pack.neighbours())
        .containsExactly("803", "937", "823", "885", "850", "881", "938", "802", "860", "895");
  }

  @Test
  void theLasValueAndEnglandMatchThePublishedCounts() {
    BenchmarkPack.Row s47 = row(Indicator.S47_RATE, 2019);
    // c4 2019 Leicestershire Section47 = 1,174; ONS mid-2018 0-17 = 138,152 -> 84.98 per 10,000
    assertThat(s47.value().number()).isCloseTo(1174 * 10_000.0 / 138_152, within(1e-9));
    // England from the sum of the LAs; c4 2019 national row: Section47 201,170 (rounded to 10)
    // over ONS England mid-2018 11,755,593 = 171.13 per 10,000
    assertThat(s47.england().getAsDouble()).isCloseTo(171.13, within(171.13 * 0.01));
    assertThat(s47.neighboursWithData()).isEqualTo(10);
    assertThat(s47.comparedWithEngland()).isEqualTo(BenchmarkComparison.LOWER);
  }

  @Test
  void rankOneIsTheLowestValueWhereThereIsNoPolarity() {
    List<PanelRow> rows2019 = panel.rows().stream().filter(row -> row.year() == 2019).toList();
    PanelRow lowest =
        rows2019.stream()
            .filter(row -> row.value(Indicator.S47_RATE).isPresent())
            .min(
                (a, b) ->
                    Double.compare(
                        a.value(Indicator.S47_RATE).number(), b.value(Indicator.S47_RATE).number()))
            .orElseThrow();
    BenchmarkPack lowestPack =
        BenchmarkPack.build(
            panel,
            lowest.la().oldLaCode(),
            Optional.of(2019),
            StatisticalNeighbours.load(PUBLIC, "2021"));
    BenchmarkPack.Row row =
        lowestPack.rows().stream()
            .filter(r -> r.indicator() == Indicator.S47_RATE)
            .findFirst()
            .orElseThrow();
    assertThat(row.rank()).hasValue(1);
    assertThat(row.quartileBand()).contains("A");
    assertThat(lowestPack.rows()).allMatch(r -> r.year() == 2019);
  }

  @Test
  void changeAndTrendNeedTheirYears() {
    assertThat(row(Indicator.S47_RATE, 2013).change()).isEmpty();
    assertThat(row(Indicator.S47_RATE, 2014).change()).isPresent();
    assertThat(row(Indicator.S47_RATE, 2016).trend()).isEqualTo(TrendMarker.CANNOT_BE_CALCULATED);
    assertThat(row(Indicator.S47_RATE, 2019).trend())
        .isNotEqualTo(TrendMarker.CANNOT_BE_CALCULATED);
  }

  @Test
  void indicatorsWithoutPublishedDataAreNotCompared() {
    BenchmarkPack.Row assessments = row(Indicator.ASSESSMENTS_COMPLETED_RATE, 2019);
    assertThat(assessments.value().isPresent()).isFalse();
    assertThat(assessments.rank()).isEmpty();
    assertThat(assessments.comparedWithEngland()).isEqualTo(BenchmarkComparison.NOT_COMPARED);
  }

  @Test
  void writesAPackThatPassesTheEesChecksAndAPage() throws Exception {
    BenchmarkWriter.Written written = BenchmarkWriter.write(pack, out);
    assertThat(EesChecker.checkDirectory(written.data().getParent()).findings()).isEmpty();
    String html = Files.readString(written.html());
    assertThat(html).contains("Leicestershire (855)", "reporting year 2025", "#C9C9C9");
  }

  private static BenchmarkPack.Row row(BenchmarkPack of, Indicator indicator, int year) {
    return of.rows().stream()
        .filter(row -> row.indicator() == indicator && row.year() == year)
        .findFirst()
        .orElseThrow();
  }

  private static BenchmarkPack packOf(String la) {
    return BenchmarkPack.build(
        panel, la, Optional.empty(), StatisticalNeighbours.load(PUBLIC, "2021"));
  }

  /**
   * Isles of Scilly (420), 2019, whose Section 47 count DfE suppressed. c4 2019: Section47 c, ICPC
   * 0; ONS mid-2018: 340 children.
   */
  @Test
  void aSuppressedCellIsLeftOutAndAZeroRanksFirst() {
    BenchmarkPack scilly = packOf("420");
    BenchmarkPack.Row s47 = row(scilly, Indicator.S47_RATE, 2019);
    assertThat(s47.value().symbol()).hasValue("c");
    assertThat(s47.rank()).isEmpty();
    assertThat(s47.quartileBand()).isEmpty();
    assertThat(s47.change()).isEmpty();
    assertThat(s47.comparedWithEngland()).isEqualTo(BenchmarkComparison.NOT_COMPARED);
    assertThat(s47.funnel()).isEmpty();
    // ranked among the 148 LAs with a Section 47 count and a population in 2019
    assertThat(s47.rankedAuthorities()).isEqualTo(148);
    // England over those 148: 199,191 Section 47s / 11,615,159 children x 10,000 = 171.492
    assertThat(s47.england().getAsDouble()).isCloseTo(171.49227143597, within(1e-9));
    // 2021-model neighbours 884 893 865 878 908 857 933 916 873 931; c4 2019 Section47 over
    // mid-2018 children: 459/34,534 1,022/58,931 1,285/103,178 2,339/143,770 1,122/104,445
    // 70/8,140 1,221/109,613 2,516/126,770 1,865/132,668 1,873/143,398; x 10,000 the mean is
    // 136.804 and the median (131.764) the mean of the 5th and 6th values
    assertThat(s47.neighboursWithData()).isEqualTo(10);
    assertThat(s47.neighboursMean().getAsDouble()).isCloseTo(136.80416890620, within(1e-9));
    assertThat(s47.neighboursMedian().getAsDouble()).isCloseTo(131.76399089631, within(1e-9));

    BenchmarkPack.Row icpc = row(scilly, Indicator.ICPC_RATE, 2019);
    // 0 ICPCs / 340 children: the only 0 of the 149 LAs with data, rank 1, band A
    assertThat(icpc.value().number()).isZero();
    assertThat(icpc.rank()).hasValue(1);
    assertThat(icpc.rankedAuthorities()).isEqualTo(149);
    assertThat(icpc.quartileBand()).contains("A");
    // exact Poisson 95% upper limit for 0 events 3.689 / 340 x 10,000 = 108.5, above England's
    // 76,476 / 11,615,499 x 10,000 = 65.84: too few children to tell apart
    assertThat(icpc.england().getAsDouble()).isCloseTo(65.83961653305, within(1e-9));
    assertThat(icpc.comparedWithEngland()).isEqualTo(BenchmarkComparison.SIMILAR);
  }

  /**
   * North Northamptonshire (940), created in 2022 from Northamptonshire (928): the pack has only
   * 940's own years. c4: Section47 1,137 in 2022 and 1,538 in 2023; ONS children mid-2021 79,186
   * and mid-2022 79,966.
   */
  @Test
  void anLaThatChangedCodeHasOnlyItsOwnYears() throws Exception {
    BenchmarkPack north = packOf("940");
    assertThat(north.rows()).extracting(BenchmarkPack.Row::year).allMatch(year -> year >= 2022);
    assertThat(north.la().newLaCode()).isEqualTo("E06000061");
    BenchmarkPack.Row first = row(north, Indicator.S47_RATE, 2022);
    // 1,137 / 79,186 x 10,000 = 143.586; no change from Northamptonshire's 2021
    assertThat(first.value().number()).isCloseTo(143.58598742202, within(1e-9));
    assertThat(first.change()).isEmpty();
    BenchmarkPack.Row s47 = row(north, Indicator.S47_RATE, 2023);
    // 1,538 / 79,966 x 10,000 = 192.332; change 192.332 - 143.586 = 48.746
    assertThat(s47.value().number()).isCloseTo(192.33174098992, within(1e-9));
    assertThat(s47.change().getAsDouble()).isCloseTo(48.74575356790, within(1e-9));
    // the 5-point trend needs 2019-2023 under 940: not before 2026
    assertThat(s47.trend()).isEqualTo(TrendMarker.CANNOT_BE_CALCULATED);
    assertThat(row(north, Indicator.S47_RATE, 2025).trend())
        .isEqualTo(TrendMarker.CANNOT_BE_CALCULATED);
    // 67 of 151 LAs lower: rank 68, band B (68 / 151 is in the second quarter)
    assertThat(s47.rank()).hasValue(68);
    assertThat(s47.rankedAuthorities()).isEqualTo(151);
    assertThat(s47.quartileBand()).contains("B");
    // 2021 neighbours 941 891 860 925 830 909 886 885 935 937, c4 2023 over mid-2022:
    // 1,774/93,509 2,722/166,161 2,050/170,630 1,799/145,961 3,304/153,164 1,332/90,547
    // 7,265/343,294 2,701/118,963 2,362/148,478 1,418/122,673; x 10,000 mean 167.309, median
    // (159.081 + 163.817) / 2 = 161.449 (Cumbria, 909, still reported in 2023)
    assertThat(north.neighbours())
        .containsExactly("941", "891", "860", "925", "830", "909", "886", "885", "935", "937");
    assertThat(s47.neighboursWithData()).isEqualTo(10);
    assertThat(s47.neighboursMean().getAsDouble()).isCloseTo(167.30931255150, within(1e-9));
    assertThat(s47.neighboursMedian().getAsDouble()).isCloseTo(161.44891371269, within(1e-9));
    BenchmarkWriter.Written written = BenchmarkWriter.write(north, out.resolve("940"));
    assertThat(EesChecker.checkDirectory(written.data().getParent()).findings()).isEmpty();
  }

  /**
   * Camden (202), 2019: a London LA, in Inner London (E13000001) as DfE's files place it. c4 2019
   * Section47 841; ONS mid-2018 38,995 children.
   */
  @Test
  void aLondonLaIsComparedWithInnerLondon() {
    BenchmarkPack camden = packOf("202");
    assertThat(camden.la().regionName()).isEqualTo("Inner London");
    BenchmarkPack.Row s47 = row(camden, Indicator.S47_RATE, 2019);
    // 841 / 38,995 x 10,000 = 215.669
    assertThat(s47.value().number()).isCloseTo(215.66867547121, within(1e-9));
    // Inner London's 14 LAs, Section47 / mid-2018 children: City of London 20/668, Camden
    // 841/38,995, Hackney 988/59,542, Hammersmith and Fulham 582/33,319, Islington 866/37,556,
    // Kensington and Chelsea 316/24,594, Lambeth 1,180/58,899, Lewisham 1,016/67,109, Southwark
    // 889/60,531, Tower Hamlets 1,390/63,673, Wandsworth 1,229/60,566, Westminster 539/33,326,
    // Haringey 1,096/57,876, Newham 1,670/85,087: 12,622 / 681,741 x 10,000 = 185.144 (DfE's
    // Inner London row: 12,620, rounded to 10)
    assertThat(s47.region().getAsDouble()).isCloseTo(185.14362492501, within(1e-9));
    // 105 of the 148 LAs with data are lower: rank 106, band C
    assertThat(s47.rank()).hasValue(106);
    assertThat(s47.quartileBand()).contains("C");
    // Byars 95% interval for 841 events is about 201.3 to 230.8 per 10,000, above England's 171.49
    assertThat(s47.comparedWithEngland()).isEqualTo(BenchmarkComparison.HIGHER);
    assertThat(camden.neighbours())
        .containsExactly("213", "205", "207", "206", "212", "352", "203", "870", "309", "302");
  }

  @Test
  void anUnknownLaIsAUsageError() {
    assertThatThrownBy(
            () ->
                BenchmarkPack.build(
                    panel, "999", Optional.empty(), StatisticalNeighbours.load(PUBLIC, "2021")))
        .isInstanceOf(PipelineException.class)
        .hasMessageStartingWith("Cannot benchmark LA 999: the published statistics have no rows");
  }
}
