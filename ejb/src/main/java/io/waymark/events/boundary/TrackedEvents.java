package io.waymark.events.boundary;

import io.waymark.goals.boundary.GoalView;
import io.waymark.goals.boundary.OnboardingGoals;
import io.waymark.goals.boundary.UserGoals;
import io.waymark.platform.db.Sql;
import io.waymark.users.boundary.Users;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stores tracked events (append-only, de-duplicated by client id) and, in the same transaction,
 * completes the event goals they match — at the event's time. Each event stands alone: an unknown
 * user rejects that event only.
 */
@Stateless
public class TrackedEvents {

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Inject OnboardingGoals goals;

  @Inject UserGoals userGoals;

  @Inject Users users;

  @Inject Event<TrackedEventReceived> received;

  /** {@code events} are already well-formed; {@code indexes} are their positions in the request. */
  public Intake accept(List<IncomingEvent> events, List<Integer> indexes) {
    Set<Long> known =
        users.existing(events.stream().map(IncomingEvent::userId).collect(Collectors.toSet()));
    Map<String, List<GoalView>> goalsByEvent = new HashMap<>();
    Instant now = clock.instant();
    int accepted = 0;
    int duplicates = 0;
    List<Intake.Rejection> rejected = new ArrayList<>();
    // users in id order (each user's events in request order), like every other batch: two batches
    // touching the
    // same users in opposite orders would otherwise deadlock on the users' row locks taken by goal
    // completion
    List<Integer> order = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingLong(i -> events.get(i).userId()));
    for (int i : order) {
      IncomingEvent event = events.get(i);
      if (!known.contains(event.userId())) {
        rejected.add(
            new Intake.Rejection(
                indexes.get(i), Users.userNotFound(String.valueOf(event.userId()))));
        continue;
      }
      Instant at = event.time() == null ? now : event.time();
      List<?> id =
          em.createNativeQuery(
                  "insert into tracked_events (client_id, user_id, name, occurred_at, received_at, properties)"
                      + " values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb)) on conflict (client_id) do nothing returning id")
              .setParameter(1, Sql.nullable(event.clientId()))
              .setParameter(2, event.userId())
              .setParameter(3, event.name())
              .setParameter(4, at)
              .setParameter(5, now)
              .setParameter(6, event.properties() == null ? "{}" : event.properties().toString())
              .getResultList();
      if (id.isEmpty()) {
        duplicates++;
        continue;
      }
      accepted++;
      received.fire(
          new TrackedEventReceived(
              ((Number) id.get(0)).longValue(),
              event.userId(),
              event.name(),
              at,
              event.properties()));
      for (GoalView goal : goalsByEvent.computeIfAbsent(event.name(), goals::forEvent)) {
        if (goal.matches(event.properties())) {
          userGoals.complete(goal.code(), event.userId(), at);
        }
      }
    }
    rejected.sort(Comparator.comparingInt(Intake.Rejection::index));
    return new Intake(accepted, duplicates, rejected);
  }
}
