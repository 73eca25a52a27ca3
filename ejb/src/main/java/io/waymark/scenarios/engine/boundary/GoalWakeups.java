package io.waymark.scenarios.engine.boundary;

import io.waymark.goals.boundary.UserGoalView;
import io.waymark.goals.boundary.UserGoalsCompleted;
import io.waymark.scenarios.engine.control.EngineCatalog;
import io.waymark.scenarios.engine.control.JobsDue;
import io.waymark.scenarios.engine.entity.JobStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Wakes the goal elements waiting for a completed goal within milliseconds. The completion's
 * transaction only INSERTS wake-up rows (it never locks or updates jobs: the dispatcher locks jobs
 * before goal rows); after commit the job ids go to the queue from an asynchronous bean (an
 * after-commit observer must not use transactional resources, DESIGN §4). If that hand-off is lost,
 * the dispatch pass turns the wake-up rows into due jobs once they are half a minute old. A goal no
 * goal element watches costs a map lookup.
 */
@ApplicationScoped
public class GoalWakeups {

  @Inject EngineCatalog catalog;

  @Inject JobStore jobs;

  @Inject Clock clock;

  @Inject Event<JobsDue> due;

  void completed(@Observes(during = TransactionPhase.IN_PROGRESS) UserGoalsCompleted event) {
    Map<String, List<Long>> usersByGoal =
        event.userGoals().stream()
            .collect(
                Collectors.groupingBy(
                    UserGoalView::goalCode,
                    LinkedHashMap::new,
                    Collectors.mapping(UserGoalView::userId, Collectors.toList())));
    List<Long> ids = new ArrayList<>();
    usersByGoal.forEach(
        (goal, users) -> {
          List<Long> watchers = catalog.watchers(goal);
          if (!watchers.isEmpty()) {
            ids.addAll(jobs.wake(users, watchers, clock.instant()));
          }
        });
    if (!ids.isEmpty()) {
      due.fire(new JobsDue(ids));
    }
  }
}
