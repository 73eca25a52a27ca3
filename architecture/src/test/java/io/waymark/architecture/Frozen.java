package io.waymark.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import com.tngtech.archunit.library.freeze.ViolationLineMatcher;

/**
 * Checks a rule against the violations frozen in the committed store: a violation not in the store
 * fails; one the code no longer has leaves the store (a local run rewrites the rule's file: commit
 * it).
 */
final class Frozen {

  private Frozen() {}

  static void check(ArchRule rule, JavaClasses classes) {
    FreezingArchRule.freeze(rule).persistIn(new CommittedViolationStore()).check(classes);
  }

  /** With violations told apart by {@code matcher} instead of by their text. */
  static void check(ArchRule rule, ViolationLineMatcher matcher, JavaClasses classes) {
    FreezingArchRule.freeze(rule)
        .persistIn(new CommittedViolationStore())
        .associateViolationLinesVia(matcher)
        .check(classes);
  }
}
