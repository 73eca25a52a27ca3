package io.waymark.architecture.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineTest {

  private static final String FILE = "ejb/src/main/java/io/waymark/mail/entity/MailQueue.java";
  private static final List<SourceRule> RULES = SourceRules.ALL;

  @Test
  void theCodeMatchingTheBaselineIsNoProblem() {
    Baseline baseline = Baseline.parse("# comment\n\nclaim-loop-sql " + FILE + " 2\n");

    assertThat(baseline.problems(List.of(claim(10), claim(20)), RULES)).isEmpty();
  }

  @Test
  void aNewOccurrenceNamesRuleFileAndLines() {
    Baseline baseline = Baseline.parse("claim-loop-sql " + FILE + " 1");

    assertThat(baseline.problems(List.of(claim(10), claim(20)), RULES))
        .singleElement()
        .asString()
        .startsWith("Source rule 'claim-loop-sql' (due rows are claimed")
        .contains(FILE + " has 2 occurrence(s), the baseline accepts 1, one of these is new")
        .contains("  " + FILE + ":10\n  " + FILE + ":20");
  }

  @Test
  void aNewFileIsANewOccurrence() {
    assertThat(Baseline.parse("").problems(List.of(claim(7)), RULES))
        .singleElement()
        .asString()
        .contains("the baseline accepts none", FILE + ":7");
  }

  @Test
  void aFixedOccurrenceAsksToShrinkTheBaseline() {
    Baseline baseline = Baseline.parse("claim-loop-sql " + FILE + " 2\nejb-timer " + FILE + " 1");

    assertThat(baseline.problems(List.of(claim(10)), RULES))
        .containsExactly(
            "Source rule 'claim-loop-sql': "
                + FILE
                + " has 1 occurrence(s), fewer than the 2 in the baseline. Well done: shrink the"
                + " baseline with the fix ("
                + Baseline.FILE
                + ": 'claim-loop-sql "
                + FILE
                + " 2', change it to 'claim-loop-sql "
                + FILE
                + " 1').",
            "Source rule 'ejb-timer': "
                + FILE
                + " has 0 occurrence(s), fewer than the 1 in the baseline. Well done: shrink the"
                + " baseline with the fix ("
                + Baseline.FILE
                + ": 'ejb-timer "
                + FILE
                + " 1', delete the line).");
  }

  @Test
  void aMalformedOrUnknownLineIsRefused() {
    assertThatThrownBy(() -> Baseline.parse("claim-loop-sql " + FILE))
        .hasMessageContaining(":1: expected '<rule> <file> <count>'");
    assertThatThrownBy(() -> Baseline.parse("a f 1\na f 2")).hasMessageContaining("listed twice");
    assertThat(Baseline.parse("no-such-rule " + FILE + " 1").problems(List.of(), RULES))
        .containsExactly(Baseline.FILE + " names the unknown rule 'no-such-rule' for " + FILE);
  }

  private static Finding claim(int line) {
    return new Finding("claim-loop-sql", FILE, line);
  }
}
