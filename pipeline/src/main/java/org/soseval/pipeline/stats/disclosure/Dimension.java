package org.soseval.pipeline.stats.disclosure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One axis of a published table: labels arranged as a hierarchy in which every label with children
 * is a published total of them (e.g. England, then regions, then LAs; or years with a total
 * column). Labels without children are the leaves that hold counts. Order is insertion order; a
 * parent must be added before its children. A dimension may have several roots (no grand total).
 */
public final class Dimension {
  private final String name;
  private final List<String> labels;
  private final Map<String, Integer> indexByLabel;
  private final int[] parents;
  private final List<List<Integer>> children;

  private Dimension(String name, List<String> labels, int[] parents) {
    this.name = name;
    this.labels = List.copyOf(labels);
    this.parents = parents;
    Map<String, Integer> index = new LinkedHashMap<>();
    List<List<Integer>> kids = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      index.put(labels.get(i), i);
      kids.add(new ArrayList<>());
    }
    for (int i = 0; i < parents.length; i++) {
      if (parents[i] >= 0) {
        kids.get(parents[i]).add(i);
      }
    }
    List<List<Integer>> frozen = new ArrayList<>();
    for (List<Integer> kid : kids) {
      frozen.add(List.copyOf(kid));
    }
    this.indexByLabel = Collections.unmodifiableMap(index);
    this.children = List.copyOf(frozen);
  }

  /** A builder for a hierarchical dimension. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** A flat dimension with no total (e.g. years of an LA x year table). */
  public static Dimension of(String name, List<String> labels) {
    Builder builder = builder(name);
    labels.forEach(builder::add);
    return builder.build();
  }

  /** A flat dimension whose first label is the published total of the others. */
  public static Dimension withTotal(String name, String total, List<String> labels) {
    Builder builder = builder(name).add(total);
    labels.forEach(label -> builder.add(label, total));
    return builder.build();
  }

  public String name() {
    return name;
  }

  /** All labels, parents before children, in insertion order. */
  public List<String> labels() {
    return labels;
  }

  /** Labels without children, in insertion order. */
  public List<String> leaves() {
    List<String> leaves = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      if (children.get(i).isEmpty()) {
        leaves.add(labels.get(i));
      }
    }
    return leaves;
  }

  /** True when {@code label} is a published total of other labels. */
  public boolean isAggregate(String label) {
    return !children.get(index(label)).isEmpty();
  }

  /** The direct children of {@code label}, in insertion order. */
  public List<String> children(String label) {
    List<String> result = new ArrayList<>();
    for (int child : children.get(index(label))) {
      result.add(labels.get(child));
    }
    return result;
  }

  int size() {
    return labels.size();
  }

  String label(int index) {
    return labels.get(index);
  }

  int parent(int index) {
    return parents[index];
  }

  List<Integer> childIndexes(int index) {
    return children.get(index);
  }

  int index(String label) {
    Integer index = indexByLabel.get(label);
    if (index == null) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "Dimension %s has no label '%s'", name, label));
    }
    return index;
  }

  /** Adds labels in order; {@link #build()} freezes the hierarchy. */
  public static final class Builder {
    private final String name;
    private final List<String> labels = new ArrayList<>();
    private final List<Integer> parents = new ArrayList<>();

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name is null");
    }

    /** A top-level label. */
    public Builder add(String label) {
      return addChecked(label, -1);
    }

    /**
     * A label whose published value is part of {@code parent}'s total.
     *
     * @throws IllegalArgumentException if {@code parent} has not been added yet
     */
    public Builder add(String label, String parent) {
      int index = labels.indexOf(parent);
      if (index < 0) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "Cannot add '%s' to dimension %s: parent '%s' has not been added",
                label,
                name,
                parent));
      }
      return addChecked(label, index);
    }

    private Builder addChecked(String label, int parent) {
      Objects.requireNonNull(label, "label is null");
      if (labels.contains(label)) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT, "Cannot add '%s' to dimension %s: duplicate label", label, name));
      }
      labels.add(label);
      parents.add(parent);
      return this;
    }

    /**
     * The dimension.
     *
     * @throws IllegalArgumentException if no label was added
     */
    public Dimension build() {
      if (labels.isEmpty()) {
        throw new IllegalArgumentException(
            String.format(Locale.ROOT, "Dimension %s has no labels", name));
      }
      return new Dimension(name, labels, parents.stream().mapToInt(Integer::intValue).toArray());
    }
  }
}
