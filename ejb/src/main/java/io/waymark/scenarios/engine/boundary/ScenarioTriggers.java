package io.waymark.scenarios.engine.boundary;

import io.waymark.events.boundary.TrackedEventReceived;
import io.waymark.goals.boundary.UserGoalCreated;
import io.waymark.goals.boundary.UserGoalState;
import io.waymark.goals.boundary.UserGoalView;
import io.waymark.goals.boundary.UserGoalsCompleted;
import io.waymark.goals.boundary.UserGoalsTimedOut;
import io.waymark.platform.json.JsonSupport;
import io.waymark.platform.plugins.Source;
import io.waymark.scenarios.engine.control.TriggerStarts;
import io.waymark.segments.boundary.SegmentEntered;
import io.waymark.segments.boundary.SegmentLeft;
import io.waymark.segments.boundary.Segments;
import io.waymark.users.boundary.UserRegistered;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/**
 * The event triggers (SPEC §6): jobs for the triggers' first elements are inserted in the SAME
 * transaction as the cause (IN_PROGRESS observers), so a trigger is never lost nor fired for a
 * change that rolled back. The payload is the job's context, which {@code condition} elements read
 * as {@code trigger.param}. {@code before_event} triggers fire from their due rows ({@code
 * BeforeEvents}).
 */
@ApplicationScoped
public class ScenarioTriggers {

  @Inject TriggerStarts starts;

  void registered(@Observes(during = TransactionPhase.IN_PROGRESS) UserRegistered event) {
    if (!event.source().firesTriggers()) {
      return; // an import, a sync, the bootstrap admin: history, not news (SPEC §1)
    }
    starts.fire(
        "user_registered",
        null,
        event.userId(),
        () -> {
          var payload =
              JsonSupport.JSON
                  .createObjectBuilder()
                  .add("event", "user_registered")
                  .add("user_id", event.userId());
          // a user reached only by phone has no email (SPEC §7a)
          return (event.email() == null
                  ? payload.addNull("email")
                  : payload.add("email", event.email()))
              .build();
        });
  }

  /** Completing a goal also leaves its goal segment {@code onboarding_<code>}. */
  void goalCompleted(@Observes(during = TransactionPhase.IN_PROGRESS) UserGoalsCompleted event) {
    event
        .userGoals()
        .forEach(
            row -> {
              goal("goal_completed", row);
              goalSegment("segment_left", row);
            });
  }

  void goalTimedOut(@Observes(during = TransactionPhase.IN_PROGRESS) UserGoalsTimedOut event) {
    event
        .userGoals()
        .forEach(
            row -> {
              goal("goal_timed_out", row);
              goalSegment("segment_left", row);
            });
  }

  /** A goal segment {@code onboarding_<code>} is entered when the goal gets an active row. */
  void goalCreated(@Observes(during = TransactionPhase.IN_PROGRESS) UserGoalCreated event) {
    if (event.userGoal().state() == UserGoalState.ACTIVE) {
      goalSegment("segment_entered", event.userGoal());
    }
  }

  /** Static segments tell their members' comings and goings. */
  void segmentEntered(@Observes(during = TransactionPhase.IN_PROGRESS) SegmentEntered event) {
    segment("segment_entered", event.segmentCode(), event.userId(), event.source(), null);
  }

  void segmentLeft(@Observes(during = TransactionPhase.IN_PROGRESS) SegmentLeft event) {
    segment("segment_left", event.segmentCode(), event.userId(), event.source(), null);
  }

  private void goalSegment(String eventCode, UserGoalView row) {
    segment(
        eventCode,
        Segments.goalSegmentCode(row.goalCode()),
        row.userId(),
        Source.API,
        row.goalCode());
  }

  /** {@code goalCode}: the goal of a goal segment, also in the payload. */
  private void segment(
      String eventCode, String segmentCode, long userId, Source source, String goalCode) {
    if (!source.firesTriggers()) {
      return;
    }
    starts.fire(
        eventCode,
        segmentCode,
        userId,
        () -> {
          var payload =
              JsonSupport.JSON
                  .createObjectBuilder()
                  .add("event", eventCode)
                  .add("segment_code", segmentCode)
                  .add("user_id", userId);
          return (goalCode == null ? payload : payload.add("goal_code", goalCode)).build();
        });
  }

  void eventReceived(@Observes(during = TransactionPhase.IN_PROGRESS) TrackedEventReceived event) {
    starts.fire(
        "event_received",
        event.name(),
        event.userId(),
        () -> {
          var payload =
              JsonSupport.JSON
                  .createObjectBuilder()
                  .add("event", "event_received")
                  .add("event_name", event.name())
                  .add("user_id", event.userId())
                  .add("occurred_at", event.occurredAt().toString());
          JsonObject properties = event.properties();
          if (properties != null) {
            // the event's properties are the trigger's parameters
            properties.forEach(
                (k, v) -> {
                  if (!k.equals("event") && !k.equals("event_name") && !k.equals("user_id")) {
                    payload.add(k, v);
                  }
                });
          }
          return payload.build();
        });
  }

  private void goal(String eventCode, UserGoalView row) {
    starts.fire(
        eventCode,
        row.goalCode(),
        row.userId(),
        () ->
            JsonSupport.JSON
                .createObjectBuilder()
                .add("event", eventCode)
                .add("goal_code", row.goalCode())
                .add("user_id", row.userId())
                .build());
  }
}
