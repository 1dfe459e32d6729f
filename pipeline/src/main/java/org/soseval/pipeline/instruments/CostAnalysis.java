package org.soseval.pipeline.instruments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.soseval.pipeline.publish.EesFile;
import org.soseval.pipeline.publish.EesFile.Column;
import org.soseval.pipeline.stats.economics.CaseCost;
import org.soseval.pipeline.stats.economics.CostLine;
import org.soseval.pipeline.stats.economics.PriceIndex;

/**
 * Implementation costs (methods.md section 8): each line is {@code amount_gbp} or {@code hours x
 * unit_cost_gbp} in its {@code price_year}, uprated to one price year with a {@link PriceIndex}
 * ({@code data-schemas/instruments/price_index.yaml}, illustrative until replaced; the tables'
 * labels name the index), then summed by category and LA; cost per child worked with (caseload) and
 * per social worker trained (the core course's latest staff trained); pooled per group as total
 * cost over total children (or staff).
 *
 * <p>Costs of an LA are not about individuals, so no count suppression applies; amounts are shown
 * to the whole pound.
 */
public final class CostAnalysis {
  static final String FILE = "costs.csv";
  static final String TOTAL = "Total";

  private CostAnalysis() {}

  /** An LA's costs in one price year. */
  public record LaCost(
      String la,
      int priceYear,
      Map<String, Double> byCategory,
      double total,
      OptionalInt childrenWorkedWith,
      OptionalInt staffTrained) {
    public OptionalDouble perChild() {
      return childrenWorkedWith.isPresent() && childrenWorkedWith.getAsInt() > 0
          ? OptionalDouble.of(total / childrenWorkedWith.getAsInt())
          : OptionalDouble.empty();
    }

    public OptionalDouble perStaffTrained() {
      return staffTrained.isPresent() && staffTrained.getAsInt() > 0
          ? OptionalDouble.of(total / staffTrained.getAsInt())
          : OptionalDouble.empty();
    }
  }

  /** The price index shipped with the schemas ({@link PriceIndexFile}; illustrative for now). */
  public static PriceIndex priceIndex() {
    return PriceIndexFile.shipped().index();
  }

  /** How outputs name {@code year}'s prices and the index: {@code 2015-16 prices (name)}. */
  public static String prices(PriceIndex index, int year) {
    return String.format(Locale.ROOT, "%d-%02d prices (%s)", year - 1, year % 100, index.name());
  }

  /**
   * Costs per LA in {@code priceYear} prices (default: the latest price year in the data).
   *
   * @param reach training reach, for cost per social worker trained
   */
  public static List<LaCost> run(
      InstrumentSet set,
      LaGroups groups,
      List<TrainingAnalysis.Reach> reach,
      PriceIndex index,
      OptionalInt priceYear,
      Path publish) {
    List<InstrumentRow> rows = set.rows(InstrumentSchema.COSTS);
    List<LaCost> costs = new ArrayList<>();
    if (rows.isEmpty()) {
      return costs;
    }
    int year =
        priceYear.orElse(
            rows.stream().mapToInt(row -> row.integer("price_year")).max().orElseThrow());
    InstrumentSchema schema = InstrumentSchema.of(InstrumentSchema.COSTS);
    List<String> categories =
        schema.codes().get("category").stream().map(InstrumentSchema.Code::code).toList();
    Map<String, List<CostLine>> lines = new TreeMap<>();
    Map<String, List<String>> categoryOfLine = new TreeMap<>();
    for (InstrumentRow row : rows) {
      CostLine line =
          row.optionalNumber("amount_gbp").isPresent()
              ? CostLine.direct(
                  row.text("item"), row.number("amount_gbp"), row.integer("price_year"))
              : CostLine.hours(
                  row.text("item"),
                  row.number("hours"),
                  row.number("unit_cost_gbp"),
                  row.integer("price_year"));
      lines.computeIfAbsent(row.la(), key -> new ArrayList<>()).add(line);
      categoryOfLine.computeIfAbsent(row.la(), key -> new ArrayList<>()).add(row.text("category"));
    }
    Map<String, Integer> children = new TreeMap<>();
    for (InstrumentRow row : set.rows(InstrumentSchema.CASELOAD)) {
      children.merge(row.la(), row.integer("children_worked_with"), Integer::sum);
    }
    Map<String, Integer> trained = new TreeMap<>();
    reach.stream()
        .filter(TrainingAnalysis.Reach::core)
        .forEach(r -> trained.put(r.la(), (int) r.trained()));
    for (Map.Entry<String, List<CostLine>> entry : lines.entrySet()) {
      CaseCost uprated = CaseCost.of(entry.getValue(), index, year);
      Map<String, Double> byCategory = new LinkedHashMap<>();
      categories.forEach(category -> byCategory.put(category, 0.0));
      for (int i = 0; i < uprated.lines().size(); i++) {
        byCategory.merge(
            categoryOfLine.get(entry.getKey()).get(i),
            uprated.lines().get(i).amount(),
            Double::sum);
      }
      costs.add(
          new LaCost(
              entry.getKey(),
              year,
              byCategory,
              uprated.total(),
              children.containsKey(entry.getKey())
                  ? OptionalInt.of(children.get(entry.getKey()))
                  : OptionalInt.empty(),
              trained.containsKey(entry.getKey())
                  ? OptionalInt.of(trained.get(entry.getKey()))
                  : OptionalInt.empty()));
    }
    List<List<String>> out = new ArrayList<>();
    List<String> allCategories = new ArrayList<>(List.of(TOTAL));
    allCategories.addAll(categories);
    for (String group : LaGroups.order()) {
      List<LaCost> present = costs.stream().filter(c -> groups.of(c.la()).equals(group)).toList();
      if (present.isEmpty()) {
        continue;
      }
      for (String category : allCategories) {
        double sum = 0;
        long childSum = 0;
        long staffSum = 0;
        boolean allChildren = true;
        boolean allStaff = true;
        for (LaCost cost : present) {
          double amount = amount(cost, category);
          sum += amount;
          allChildren &= cost.childrenWorkedWith().isPresent();
          allStaff &= cost.staffTrained().isPresent();
          childSum += cost.childrenWorkedWith().orElse(0);
          staffSum += cost.staffTrained().orElse(0);
        }
        out.add(
            row(
                year,
                Optional.empty(),
                group,
                category,
                sum,
                present.size(),
                allChildren && childSum > 0
                    ? OptionalDouble.of(sum / childSum)
                    : OptionalDouble.empty(),
                allStaff && staffSum > 0
                    ? OptionalDouble.of(sum / staffSum)
                    : OptionalDouble.empty()));
        for (LaCost cost : present) {
          double amount = amount(cost, category);
          out.add(
              row(
                  year,
                  Optional.of(cost.la()),
                  group,
                  category,
                  amount,
                  1,
                  cost.perChild().isPresent()
                      ? OptionalDouble.of(amount / cost.childrenWorkedWith().getAsInt())
                      : OptionalDouble.empty(),
                  cost.perStaffTrained().isPresent()
                      ? OptionalDouble.of(amount / cost.staffTrained().getAsInt())
                      : OptionalDouble.empty()));
        }
      }
    }
    String prices = prices(index, year);
    EesFile.write(
        publish.resolve(FILE),
        List.of(
            EesRows.GROUP,
            Column.filter("cost_category", "Cost category"),
            Column.indicator("authorities", "LAs", "Counts", "", 0),
            Column.indicator("cost_gbp", "Cost, " + prices, "Cost", "£", 0),
            Column.indicator(
                "cost_per_child_gbp", "Cost per child worked with, " + prices, "Unit cost", "£", 0),
            Column.indicator(
                "cost_per_staff_trained_gbp",
                "Cost per social worker trained, " + prices,
                "Unit cost",
                "£",
                0)),
        out);
    return costs;
  }

  private static double amount(LaCost cost, String category) {
    return category.equals(TOTAL) ? cost.total() : cost.byCategory().getOrDefault(category, 0.0);
  }

  private static List<String> row(
      int year,
      Optional<String> la,
      String group,
      String category,
      double amount,
      int authorities,
      OptionalDouble perChild,
      OptionalDouble perStaff) {
    List<String> cells = EesRows.identifiers(year, la);
    cells.addAll(List.of(group, category));
    cells.add(Integer.toString(authorities));
    cells.add(EesRows.number(amount, 0));
    cells.add(perChild.isPresent() ? EesRows.number(perChild.getAsDouble(), 0) : "x");
    cells.add(perStaff.isPresent() ? EesRows.number(perStaff.getAsDouble(), 0) : "x");
    return cells;
  }
}
