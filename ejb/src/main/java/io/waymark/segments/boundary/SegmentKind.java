package io.waymark.segments.boundary;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a segment's members are found (SPEC §4): a criteria tree, an admin's raw SQL, or a list of
 * members added and removed one by one ({@code static}).
 */
public enum SegmentKind {
  CRITERIA,
  SQL,
  STATIC;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<SegmentKind> of(String key) {
    return Arrays.stream(values()).filter(k -> k.key().equals(key)).findFirst();
  }
}
