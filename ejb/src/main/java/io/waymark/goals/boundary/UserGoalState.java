package io.waymark.goals.boundary;

import java.util.Locale;

public enum UserGoalState {
  ACTIVE,
  COMPLETED,
  TIMED_OUT;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
