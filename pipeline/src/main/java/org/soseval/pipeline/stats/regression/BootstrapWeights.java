package org.soseval.pipeline.stats.regression;

/** Cluster-level auxiliary weight distributions for the wild-cluster bootstrap. */
public enum BootstrapWeights {
  /** -1 or +1 with probability 1/2 each (Cameron, Gelbach and Miller 2008). */
  RADEMACHER("rademacher", new double[] {-1, 1}),
  /**
   * Six points {@code -sqrt(3/2), -1, -sqrt(1/2), sqrt(1/2), 1, sqrt(3/2)} with probability 1/6
   * each (Webb 2014, Queen's Economics Department WP 1315; mean 0, variance 1), for few clusters.
   */
  WEBB(
      "webb",
      new double[] {-Math.sqrt(1.5), -1, -Math.sqrt(0.5), Math.sqrt(0.5), 1, Math.sqrt(1.5)});

  private final String label;
  private final double[] points;

  BootstrapWeights(String label, double[] points) {
    this.label = label;
    this.points = points;
  }

  /** A short, stable name, e.g. {@code "rademacher"}. */
  public String label() {
    return label;
  }

  /** The equally likely support points, ascending. */
  public double[] points() {
    return points.clone();
  }

  double point(int index) {
    return points[index];
  }

  int size() {
    return points.length;
  }
}
