package org.soseval.pipeline.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.soseval.pipeline.geography.LaCrosswalk;
import org.soseval.pipeline.panel.Indicator;
import org.soseval.pipeline.panel.PanelRow;
import org.soseval.pipeline.panel.PublishedValue;

class LaYearPanelFromPanelRowsTest {
  @Test
  void indicatorValuesBecomeObservationsAndSymbolsBecomeReasons() {
    Map<Indicator, PublishedValue> values = new EnumMap<>(Indicator.class);
    for (Indicator indicator : Indicator.values()) {
      values.put(indicator, PublishedValue.missing("x"));
    }
    values.put(Indicator.ICPC_RATE, PublishedValue.of(61.25));
    values.put(Indicator.CPP_SUBSEQUENT_PERCENT, PublishedValue.missing("z"));
    PanelRow row =
        new PanelRow(
            2016,
            LaCrosswalk.byOldCode("855").orElseThrow(),
            values,
            Map.of("cpp_subsequent_count", PublishedValue.of(0)),
            Map.of(),
            List.of());

    LaYearPanel panel = LaYearPanel.fromPanelRows(List.of(row), "deposits");

    assertThat(panel.value("icpc_rate", "855", 2016)).hasValue(61.25);
    assertThat(panel.get("icpc_rate", "855", 2016).orElseThrow().source()).isEqualTo("deposits");
    assertThat(panel.missingReason("cpp_subsequent_percent", "855", 2016)).hasValue("z");
    assertThat(panel.value("cpp_subsequent_count", "855", 2016)).hasValue(0.0);
    assertThat(panel.nameOf("855")).hasValue("Leicestershire");
  }
}
