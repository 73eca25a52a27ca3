package io.waymark.externalsync.boundary;

import io.waymark.externalsync.control.RempSettings;
import io.waymark.externalsync.entity.SegmentAction;
import io.waymark.goals.boundary.UserGoalCreated;
import io.waymark.goals.boundary.UserGoalState;
import io.waymark.goals.boundary.UserGoalView;
import io.waymark.goals.boundary.UserGoalsCompleted;
import io.waymark.goals.boundary.UserGoalsTimedOut;
import io.waymark.platform.json.JsonSupport;
import io.waymark.platform.outbox.Outbox;
import io.waymark.segments.boundary.Segments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Mirrors goal-segment membership to REMP Campaign: a new active goal row adds the user to the
 * goal's segment {@code onboarding_<code>}, a completion or timeout removes them. The call is
 * written to the outbox in the transaction of the goal change (nothing is lost if the server dies
 * after commit, nothing is sent if the change rolls back), keyed by the user-goal row and the
 * action (a row is added and removed once), and delivered by {@link RempChannel} right after
 * commit, the calls of one user and segment in order. With sync off nothing is written.
 */
@ApplicationScoped
public class GoalSegmentSync {

  @Inject RempSettings settings;

  @Inject Outbox outbox;

  void created(@Observes(during = TransactionPhase.IN_PROGRESS) UserGoalCreated event) {
    if (event.userGoal().state() == UserGoalState.ACTIVE) {
      record(event.userGoal(), SegmentAction.ADD_USER);
    }
  }

  void completed(@Observes(during = TransactionPhase.IN_PROGRESS) UserGoalsCompleted event) {
    event.userGoals().forEach(row -> record(row, SegmentAction.REMOVE_USER));
  }

  void timedOut(@Observes(during = TransactionPhase.IN_PROGRESS) UserGoalsTimedOut event) {
    event.userGoals().forEach(row -> record(row, SegmentAction.REMOVE_USER));
  }

  private void record(UserGoalView row, SegmentAction action) {
    if (settings.enabled()) {
      String segment = Segments.goalSegmentCode(row.goalCode());
      outbox.enqueue(
          RempChannel.NAME,
          "user-goal:" + row.id() + ":" + action.path(),
          row.userId() + ":" + segment,
          JsonSupport.JSON
              .createObjectBuilder()
              .add("user_id", row.userId())
              .add("segment_code", segment)
              .add("action", action.path())
              .build());
    }
  }
}
