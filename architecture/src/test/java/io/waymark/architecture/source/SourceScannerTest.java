package io.waymark.architecture.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each rule against planted occurrences in {@code src/test/resources/fixtures}: the scan reports
 * exactly the planted lines, nothing in comments or imports, and nothing in the allowed packages.
 */
class SourceScannerTest {

  private static final String GOALS = "src/io/waymark/goals/boundary/GoalExpiry.java";
  private static final String DUE_WORK = "src/io/waymark/platform/jobs/DueWork.java";
  private static final String LOOKALIKE = "src/io/waymark/platforms/Lookalike.java";

  @Test
  void claimLoopSqlIsFoundInStringsAndTextBlocksOutsideThePlatform() throws Exception {
    assertThat(scan(SourceRules.CLAIM_LOOP_SQL))
        .containsExactly(
            new Finding("claim-loop-sql", GOALS, 23),
            new Finding("claim-loop-sql", GOALS, 25),
            new Finding("claim-loop-sql", GOALS, 27));
  }

  @Test
  void typeStringSwitchesAreFoundOutsideThePluginsEvenInThePlatform() throws Exception {
    assertThat(scan(SourceRules.TYPE_STRING_SWITCH))
        .containsExactly(
            new Finding("type-string-switch", GOALS, 30),
            new Finding("type-string-switch", GOALS, 51),
            new Finding("type-string-switch", DUE_WORK, 13));
  }

  @Test
  void ejbTimersAreFoundOutsideThePlatform() throws Exception {
    assertThat(scan(SourceRules.EJB_TIMER))
        .containsExactly(
            new Finding("ejb-timer", GOALS, 13),
            new Finding("ejb-timer", GOALS, 15),
            new Finding("ejb-timer", GOALS, 58),
            new Finding("ejb-timer", LOOKALIKE, 5));
  }

  private static List<Finding> scan(SourceRule rule) throws URISyntaxException {
    Path fixtures = Path.of(SourceScannerTest.class.getResource("/fixtures").toURI());
    return new SourceScanner(List.of(rule)).scan(fixtures, List.of(fixtures.resolve("src")));
  }
}
