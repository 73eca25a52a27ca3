package io.waymark.architecture;

import com.tngtech.archunit.library.freeze.ViolationLineMatcher;

/**
 * Tells a frozen cycle by its path of slices ({@code Cycle detected: Slice goals -> Slice segments
 * -> Slice goals}), not by the dependencies ArchUnit lists under it. Otherwise removing one of
 * several dependencies that keep a frozen cycle alive would change its text and fail the build as a
 * "new" cycle, although it is a step towards removing the cycle.
 */
final class CyclePathMatcher implements ViolationLineMatcher {

  private static final String DETAILS = "\n  1. Dependencies of ";

  @Override
  public boolean matches(String actual, String stored) {
    return pathOf(actual).equals(pathOf(stored));
  }

  static String pathOf(String violation) {
    int details = violation.indexOf(DETAILS);
    return details < 0 ? violation : violation.substring(0, details);
  }
}
