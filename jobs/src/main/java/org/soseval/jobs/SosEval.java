package org.soseval.jobs;

public final class SosEval {
  public static void main(String[] args) {
    System.out.println("sos-eval");
  }
}
