package io.waymark.goals.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class GoalAnalyticsTest {

  @Test
  void completionRateIsRoundedToFourDecimalsAndUndefinedForNobody() {
    assertThat(GoalAnalytics.rate(8, 10)).isEqualByComparingTo("0.8");
    assertThat(GoalAnalytics.rate(2, 3)).isEqualTo(new BigDecimal("0.6667"));
    assertThat(GoalAnalytics.rate(0, 5)).isEqualByComparingTo("0");
    assertThat(GoalAnalytics.rate(0, 0)).isNull();
  }

  @Test
  void searchTextMatchesLiterally() {
    assertThat(GoalAnalytics.likeEscaped("plan_chosen")).isEqualTo("plan\\_chosen");
    assertThat(GoalAnalytics.likeEscaped("100%")).isEqualTo("100\\%");
    assertThat(GoalAnalytics.likeEscaped("a\\b")).isEqualTo("a\\\\b");
  }
}
