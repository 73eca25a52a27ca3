package io.waymark.events.boundary;

import io.waymark.segments.boundary.MembershipRechecks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Tells the segments whose criteria count an event ({@code event.count}) that the user tracked one,
 * in the tracking transaction, so their members are re-checked at once and again once the window
 * has passed (a map lookup when no segment counts the name).
 */
@ApplicationScoped
public class EventSegmentRechecks {

  @Inject MembershipRechecks rechecks;

  void tracked(@Observes(during = TransactionPhase.IN_PROGRESS) TrackedEventReceived event) {
    rechecks.eventTracked(event.name(), event.userId(), event.occurredAt());
  }
}
