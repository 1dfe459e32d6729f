package org.soseval.pipeline.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.soseval.pipeline.PipelineErrors;

/**
 * The pilots and the LAs they are compared with: an explicit list, or the union of each pilot's ten
 * statistical neighbours with the pilots taken out.
 */
public record ComparisonGroup(List<String> pilots, List<String> comparators, String rule) {
  public ComparisonGroup {
    pilots = List.copyOf(pilots);
    comparators = List.copyOf(comparators);
  }

  public static ComparisonGroup of(
      EvaluationConfig config, Optional<StatisticalNeighbours> neighbours) {
    List<String> pilots = config.pilots().stream().map(EvaluationConfig.PilotSpec::la).toList();
    TreeSet<String> comparators = new TreeSet<>();
    String rule;
    switch (config.comparison().method()) {
      case LIST -> {
        comparators.addAll(config.comparison().authorities());
        rule = "the LAs listed in the config";
      }
      case STATISTICAL_NEIGHBOURS -> {
        StatisticalNeighbours model =
            neighbours.orElseThrow(
                () ->
                    PipelineErrors.usage(
                        "Cannot find the pilots' statistical neighbours",
                        "comparison.method is statistical_neighbours but sources.public is not"
                            + " given",
                        "Set sources.public to the folder of DfE's published files, or use"
                            + " comparison.method: list"));
        for (String pilot : pilots) {
          if (!model.knows(pilot)) {
            throw PipelineErrors.usage(
                "Cannot find the statistical neighbours of pilot " + pilot,
                "the " + model.model() + " model does not list LA " + pilot,
                "Check the LA code, or use comparison.method: list");
          }
          comparators.addAll(model.of(pilot));
        }
        rule =
            "the union of the pilots' 10 statistical neighbours in DfE's "
                + model.model()
                + " model, pilots excluded";
      }
      default -> throw new IllegalStateException("unknown method");
    }
    pilots.forEach(comparators::remove);
    if (comparators.isEmpty()) {
      throw PipelineErrors.usage(
          "Cannot compare the pilots",
          "the comparison group is empty",
          "List comparison LAs that are not pilots");
    }
    return new ComparisonGroup(pilots, new ArrayList<>(comparators), rule);
  }
}
