package io.waymark.scenarios.engine.boundary;

import io.waymark.goals.boundary.UserGoalCreated;
import io.waymark.goals.boundary.UserGoalExpiryChanged;
import io.waymark.goals.boundary.UserGoalState;
import io.waymark.goals.boundary.UserGoalView;
import io.waymark.goals.boundary.UserGoalsCompleted;
import io.waymark.goals.boundary.UserGoalsTimedOut;
import io.waymark.scenarios.engine.control.BeforeEvents;
import io.waymark.scenarios.engine.control.DateFieldEvent;
import io.waymark.scenarios.engine.control.GoalExpiresEvent;
import io.waymark.users.boundary.UserChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * The dates of the dated events, as their owners change them, in the changing transaction (so a
 * before-event row is never lost nor made for a change that rolled back): a goal row's expiry
 * ({@code goal_expires}) and a date custom field ({@code field:<code>}). The schedule follows the
 * data whatever wrote it (an import's dates too, as enabling a scenario fills them); only the
 * firing is news.
 */
@ApplicationScoped
public class DatedEventChanges {

  private static final String CUSTOM = "fields.";

  @Inject BeforeEvents beforeEvents;

  void goalCreated(@Observes(during = TransactionPhase.IN_PROGRESS) UserGoalCreated event) {
    UserGoalView row = event.userGoal();
    if (row.state() == UserGoalState.ACTIVE && row.expiresAt() != null) {
      goal(row, row.expiresAt());
    }
  }

  void goalExpiryChanged(
      @Observes(during = TransactionPhase.IN_PROGRESS) UserGoalExpiryChanged event) {
    goal(event.userGoal(), event.userGoal().expiresAt());
  }

  void goalCompleted(@Observes(during = TransactionPhase.IN_PROGRESS) UserGoalsCompleted event) {
    event.userGoals().forEach(row -> goal(row, null));
  }

  void goalsTimedOut(@Observes(during = TransactionPhase.IN_PROGRESS) UserGoalsTimedOut event) {
    event.userGoals().forEach(row -> goal(row, null));
  }

  void userChanged(@Observes(during = TransactionPhase.IN_PROGRESS) UserChanged event) {
    event
        .changes()
        .forEach(
            (name, change) -> {
              if (name.startsWith(CUSTOM)) {
                beforeEvents.dated(
                    DateFieldEvent.KEY,
                    name.substring(CUSTOM.length()),
                    event.userId(),
                    DateFieldEvent.at(change.after()));
              }
            });
  }

  private void goal(UserGoalView row, java.time.Instant expiresAt) {
    beforeEvents.dated(GoalExpiresEvent.KEY, row.goalCode(), row.userId(), expiresAt);
  }
}
