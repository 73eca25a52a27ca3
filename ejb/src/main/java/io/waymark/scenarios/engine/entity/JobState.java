package io.waymark.scenarios.engine.entity;

import java.util.Locale;

/** A job's state; the first three are pending (a dispatcher may claim them when due). */
public enum JobState {
  CREATED,
  SCHEDULED,
  STARTED,
  WAITING,
  FINISHED,
  FAILED,
  DROPPED;

  /** The SQL list of the pending states, for predicates (matches the partial indexes of V10). */
  public static final String PENDING_SQL = "('created', 'scheduled', 'waiting')";

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean pending() {
    return this == CREATED || this == SCHEDULED || this == WAITING;
  }

  public static JobState of(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
