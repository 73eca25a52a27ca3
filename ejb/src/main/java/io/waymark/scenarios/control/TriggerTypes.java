package io.waymark.scenarios.control;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The trigger event codes a scenario can start on, with the option each matches on and the
 * parameters its payload provides (which {@code condition} elements and templates can use).
 * Before-event triggers fire {@code minutes} before a dated event; their code names that event.
 */
public final class TriggerTypes {

  /**
   * {@code matchOption}: the option the engine looks the trigger up by (null: every such event
   * matches).
   */
  public record TriggerType(
      String code, String matchOption, String matchOptionDescription, List<String> params) {}

  public static final String EVENT = "event";
  public static final String BEFORE_EVENT = "before_event";
  static final Pattern BEFORE_EVENT_CODE = Pattern.compile("[a-z0-9_.-]{1,64}");

  public static final List<TriggerType> EVENTS =
      List.of(
          new TriggerType("user_registered", null, null, List.of("user_id", "email")),
          new TriggerType(
              "goal_completed",
              "goal_code",
              "the onboarding goal's code",
              List.of("user_id", "goal_code", "user_goal_id")),
          new TriggerType(
              "goal_timed_out",
              "goal_code",
              "the onboarding goal's code",
              List.of("user_id", "goal_code", "user_goal_id")),
          new TriggerType(
              "event_received",
              "event_name",
              "the tracked event's name",
              List.of("user_id", "event_name", "properties.*")),
          new TriggerType(
              "segment_entered",
              "segment_code",
              "the segment's code",
              List.of("user_id", "segment_code")));

  private TriggerTypes() {}

  public static Optional<TriggerType> event(String code) {
    return EVENTS.stream().filter(t -> t.code().equals(code)).findFirst();
  }
}
