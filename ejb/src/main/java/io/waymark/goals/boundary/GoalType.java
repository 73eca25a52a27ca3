package io.waymark.goals.boundary;

import java.util.Locale;
import java.util.Optional;

/** Simple goals are completed explicitly; event goals by a matching tracked event. */
public enum GoalType {
  SIMPLE,
  EVENT;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<GoalType> parse(String value) {
    for (GoalType t : values()) {
      if (t.id().equals(value)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
