package io.waymark.campaigns.boundary;

import io.waymark.campaigns.control.CachedSegment;
import io.waymark.campaigns.control.CampaignSegmentCache;
import io.waymark.goals.boundary.UserGoalCreated;
import io.waymark.goals.boundary.UserGoalState;
import io.waymark.goals.boundary.UserGoalView;
import io.waymark.goals.boundary.UserGoalsCompleted;
import io.waymark.goals.boundary.UserGoalsTimedOut;
import io.waymark.segments.boundary.SegmentEntered;
import io.waymark.segments.boundary.SegmentLeft;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Keeps cached goal segments current from goal events, and cached static segments from their
 * members' entered / left events, after commit: a user who completes a goal is out of the goal's
 * segment before the completing request answers, so the very next banners call no longer shows the
 * goal's banner. Only the in-memory update happens here; the announcement to the other servers is
 * handed to an asynchronous bean (DESIGN §4). Segments no active campaign targets cost a map
 * lookup.
 */
@ApplicationScoped
public class SegmentMemberFeed {

  @Inject CampaignSegmentCache cache;

  @Inject CampaignSegmentMessages messages;

  void created(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserGoalCreated event) {
    changed(event.userGoal(), event.userGoal().state() == UserGoalState.ACTIVE);
  }

  void completed(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserGoalsCompleted event) {
    event.userGoals().forEach(row -> changed(row, false));
  }

  void timedOut(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserGoalsTimedOut event) {
    event.userGoals().forEach(row -> changed(row, false));
  }

  void entered(@Observes(during = TransactionPhase.AFTER_SUCCESS) SegmentEntered event) {
    cache.segment(event.segmentCode()).ifPresent(s -> changed(s, event.userId(), true));
  }

  void left(@Observes(during = TransactionPhase.AFTER_SUCCESS) SegmentLeft event) {
    cache.segment(event.segmentCode()).ifPresent(s -> changed(s, event.userId(), false));
  }

  private void changed(UserGoalView row, boolean member) {
    cache.forGoal(row.goalId()).ifPresent(s -> changed(s, row.userId(), member));
  }

  private void changed(CachedSegment segment, long userId, boolean member) {
    cache.update(segment, userId, member);
    messages.memberChanged(segment.code(), userId);
  }
}
