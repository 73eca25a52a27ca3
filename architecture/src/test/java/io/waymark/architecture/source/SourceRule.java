package io.waymark.architecture.source;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A rule over source text: wherever {@code pattern} matches the code of a file outside the {@code
 * allowedIn} packages (each with its sub-packages), the rule is broken once.
 *
 * @param name the rule's key in the baseline and in messages
 * @param why what the rule protects, for the message that reports it
 */
record SourceRule(String name, String why, Pattern pattern, List<String> allowedIn) {

  boolean allows(String packageName) {
    return allowedIn.stream()
        .anyMatch(allowed -> packageName.equals(allowed) || packageName.startsWith(allowed + "."));
  }
}
