package io.waymark.goals.boundary;

import io.waymark.platform.plugins.Source;
import io.waymark.segments.boundary.MembershipRechecks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Tells the segments whose criteria read a goal's rows ({@code goal.state}) that one of the user's
 * rows changed, in the changing transaction, so their members are re-checked at once (the goals
 * feature depends on segments, not the other way). Goal segments follow their goal's rows
 * themselves.
 */
@ApplicationScoped
public class GoalSegmentRechecks {

  @Inject MembershipRechecks rechecks;

  void created(@Observes(during = TransactionPhase.IN_PROGRESS) UserGoalCreated event) {
    changed(event.userGoal(), Source.API);
  }

  void completed(@Observes(during = TransactionPhase.IN_PROGRESS) UserGoalsCompleted event) {
    event.userGoals().forEach(row -> changed(row, Source.API));
  }

  void timedOut(@Observes(during = TransactionPhase.IN_PROGRESS) UserGoalsTimedOut event) {
    event.userGoals().forEach(row -> changed(row, Source.EVALUATION));
  }

  private void changed(UserGoalView row, Source source) {
    rechecks.goalChanged(row.goalCode(), row.userId(), source);
  }
}
