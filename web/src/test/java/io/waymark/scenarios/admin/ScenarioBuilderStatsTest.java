package io.waymark.scenarios.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.scenarios.engine.boundary.ScenarioStatistics.ElementStats;
import io.waymark.scenarios.engine.boundary.ScenarioStatistics.Period;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioBuilderStatsTest {

  private static final Period NONE = new Period(0, 0, 0, 0, Map.of());

  @Test
  void lastThirtyDaysPerElementWithBranchesOnlyWhereTheTypeHasThem() {
    var goal =
        new ElementStats(
            "g-uuid", "Wait for g1", "goal", 3, NONE, new Period(10, 8, 2, 1, Map.of()));
    var email =
        new ElementStats("e-uuid", "Done", "email", 0, NONE, new Period(8, 8, 0, 0, Map.of()));
    var left =
        new ElementStats("w-uuid", "Wait", "wait", 1, NONE, new Period(4, 4, 0, 0, Map.of(), 2));
    var ab =
        new ElementStats(
            "ab-uuid", "Split", "ab_test", 0, NONE, new Period(5, 5, 0, 0, Map.of(0, 2L, 1, 3L)));

    var stats = ScenarioBuilderStats.of(List.of(goal, email, ab, left));

    assertThat(stats.getJsonObject("g-uuid").toString())
        .isEqualTo("{\"waiting\":3,\"done\":10,\"yes\":8,\"no\":2,\"failed\":1}");
    assertThat(stats.getJsonObject("e-uuid").toString())
        .isEqualTo("{\"waiting\":0,\"done\":8,\"failed\":0}");
    assertThat(stats.getJsonObject("ab-uuid").toString())
        .isEqualTo("{\"waiting\":0,\"done\":5,\"variant 0\":2,\"variant 1\":3,\"failed\":0}");
    assertThat(stats.getJsonObject("w-uuid").toString())
        .isEqualTo("{\"waiting\":1,\"done\":4,\"failed\":0,\"exited\":2}");
  }
}
