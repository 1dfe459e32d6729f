package org.soseval.pipeline.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.soseval.pipeline.panel.PublishedValue.Convention;

class PublishedValueTest {
  @Test
  void readsNumbersWithSpaces() {
    assertThat(PublishedValue.parse(" 5283 ", Convention.EES)).isEqualTo(PublishedValue.of(5283));
    assertThat(PublishedValue.parse("24.6", Convention.EES).number()).isEqualTo(24.6);
  }

  @Test
  void keepsTheReasonForEveryGssSymbol() {
    for (String symbol : new String[] {"c", "x", "z", "u", "low", "k"}) {
      PublishedValue value = PublishedValue.parse(symbol, Convention.EES);
      assertThat(value.isPresent()).isFalse();
      assertThat(value.symbol()).contains(symbol);
    }
    assertThat(PublishedValue.parse("C", Convention.EES)).isEqualTo(PublishedValue.missing("c"));
  }

  @Test
  void normalisesObsoleteAndSfrSymbols() {
    assertThat(PublishedValue.parse(":", Convention.EES)).isEqualTo(PublishedValue.missing("x"));
    assertThat(PublishedValue.parse("~", Convention.EES)).isEqualTo(PublishedValue.missing("low"));
    assertThat(PublishedValue.parse("x", Convention.EES)).isEqualTo(PublishedValue.missing("x"));
    assertThat(PublishedValue.parse("x", Convention.SFR)).isEqualTo(PublishedValue.missing("c"));
  }

  @Test
  void readsBlankAsUnavailable() {
    assertThat(PublishedValue.parse("", Convention.EES)).isEqualTo(PublishedValue.missing("x"));
    assertThat(PublishedValue.parse("  ", Convention.SFR)).isEqualTo(PublishedValue.missing("x"));
  }

  @Test
  void rejectsThousandsSeparatorsAndUnknownText() {
    assertThatThrownBy(() -> PublishedValue.parse("5,123", Convention.EES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cell is neither a number nor a GSS symbol (c, x, z, u, low, k, :): '5,123'");
    assertThatThrownBy(() -> PublishedValue.missing("NA"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown symbol: NA");
  }
}
