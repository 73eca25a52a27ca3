package io.waymark.scenarios.engine.control;

import io.waymark.platform.db.SqlFragment;
import io.waymark.platform.plugins.Plugin;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * A dated event of the user a {@code before_event} trigger can fire before (SPEC §6's registry of
 * dated events): {@code goal_expires}, {@code field:<code>}, later {@code subscription_ends}. A
 * trigger's code is the key, followed for a kind that {@linkplain #argument takes one} by a colon
 * and the argument ({@code field:birthday}). The kind checks the trigger at save, names what the
 * engine matches its changes on, and reads the dates already set when a scenario is enabled; the
 * feature that owns the date tells each change to {@code BeforeEvents}.
 */
public interface DatedEvent extends Plugin {

  /** What follows the colon of the code ({@code <code>} of {@code field:<code>}), or null. */
  default String argument() {
    return null;
  }

  /** The problems of a trigger of this event: its argument (null when none) and options. */
  List<String> problems(String argument, JsonObject options, References references);

  /**
   * The value the date changes are matched on: the goal code of {@code goal_expires}, the field of
   * {@code field:<code>}.
   */
  String matchValue(String argument, JsonObject options);

  /** The payload parameter carrying the match value ({@code goal_code}, {@code field}). */
  String matchParam();

  /**
   * The dates set for this match value: a query answering {@code user_id, event_at} (at most one
   * row per user), every row whatever its date (the caller keeps the future ones).
   */
  SqlFragment dates(String matchValue);

  /** The code a trigger of this event stores, given its argument. */
  default String code(String argument) {
    return argument == null ? key() : key() + ":" + argument;
  }
}
