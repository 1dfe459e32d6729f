package org.soseval.pipeline.stats.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinearDisclosureAuditTest {
  // Cells: 0 a1, 1 a2, 2 b1, 3 b2 (two rows of two parts), 4 mean of row a, 5 mean of row b,
  // 6 mean of column 1 (a1, b1), 7 mean of the row means (4, 5).
  private static List<LinearRelation> relations(int partsOfB) {
    // row b's mean is over partsOfB parts: b1, b2 and (for 3) a published third part, cell 8
    int[] bParts = partsOfB == 2 ? new int[] {2, 3} : new int[] {2, 3, 8};
    return List.of(
        LinearRelation.mean(4, new int[] {0, 1}),
        LinearRelation.mean(5, bParts),
        LinearRelation.mean(6, new int[] {0, 2}),
        LinearRelation.mean(7, new int[] {4, 5}));
  }

  private static boolean[] hidden(int... cells) {
    boolean[] suppressed = new boolean[9];
    for (int cell : cells) {
      suppressed[cell] = true;
    }
    return suppressed;
  }

  @Test
  void aRectangleOfHiddenCellsIsSafeWhenTheMeansHaveEqualWeights() {
    // a1, b1 and both row means hidden: a1 + b1, a_mean + b_mean known; 2 a_mean - a1 and
    // 2 b_mean - b1 known, which is the same information, so a1 is free
    boolean[] suppressed = hidden(0, 2, 4, 5);
    assertThat(LinearDisclosureAudit.recoverableCells(relations(2), suppressed)).isEmpty();
    assertThat(LinearDisclosureAudit.revealsCombination(relations(2), suppressed, Set.of(0)))
        .isFalse();
  }

  @Test
  void theSameRectangleGivesACellBackWhenOneMeanHasMoreParts() {
    // 2 a_mean - a1 and 3 b_mean - b1 known, a1 + b1 and a_mean + b_mean known: four independent
    // equations in four unknowns
    boolean[] suppressed = hidden(0, 2, 4, 5);
    assertThat(LinearDisclosureAudit.recoverableCells(relations(3), suppressed))
        .containsExactly(0, 2, 4, 5);
    // hiding the mean of the row means takes one equation away
    assertThat(LinearDisclosureAudit.recoverableCells(relations(3), hidden(0, 2, 4, 5, 7)))
        .isEmpty();
  }

  @Test
  void findsACombinationOfHiddenCellsEvenWhenNoSingleCellIsDetermined() {
    // a1 and a2 hidden, row a's mean published: a1 + a2 is known, neither alone
    boolean[] suppressed = hidden(0, 1);
    List<LinearRelation> rowA = List.of(LinearRelation.mean(4, new int[] {0, 1}));
    assertThat(LinearDisclosureAudit.recoverableCells(rowA, suppressed)).isEmpty();
    assertThat(LinearDisclosureAudit.revealsCombination(rowA, suppressed, Set.of(0, 1))).isTrue();
    assertThat(LinearDisclosureAudit.revealsCombination(rowA, suppressed, Set.of(0))).isFalse();
    assertThatThrownBy(() -> LinearDisclosureAudit.revealsCombination(rowA, suppressed, Set.of(4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("published");
  }
}
