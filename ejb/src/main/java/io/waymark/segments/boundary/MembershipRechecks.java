package io.waymark.segments.boundary;

import io.waymark.platform.broadcast.Broadcast;
import io.waymark.platform.broadcast.BroadcastReceiver;
import io.waymark.platform.error.WaymarkException;
import io.waymark.platform.plugins.Source;
import io.waymark.segments.control.SegmentSnapshots;
import io.waymark.segments.control.SegmentSnapshots.Diff;
import io.waymark.segments.control.SegmentSnapshots.Recheck;
import io.waymark.segments.control.SegmentWatches;
import io.waymark.segments.control.SegmentWatches.Watched;
import io.waymark.users.boundary.UserChanged;
import io.waymark.users.boundary.UserRegistered;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Entered / left for criteria and raw-SQL segments (#18 item 2), against each segment's membership
 * snapshot: between recounts a user is re-checked, in the changing transaction, when a change can
 * flip the user's membership of a criteria segment — a user field its criteria compare (or the user
 * is new), a tracked event they count, a goal row they read ({@link #goalChanged}, told by the
 * goals feature) — and, for a criterion with a window, once more when the window has passed (one
 * due row per segment and user, moved by each such change); the recount diffs the whole membership
 * ({@link #recounted}), which is how raw-SQL segments and criteria nothing watches ({@code
 * segment.member}) are followed. A first snapshot tells nothing.
 */
@ApplicationScoped
public class MembershipRechecks implements BroadcastReceiver {

  private static final System.Logger LOG = System.getLogger(MembershipRechecks.class.getName());

  /** Announced when the watched segments change (a definition, a first snapshot). */
  public static final String TOPIC = "segments.watches";

  @Inject SegmentWatches watches;

  @Inject SegmentSnapshots snapshots;

  @Inject SegmentChecks checks;

  @Inject Broadcast broadcast;

  @Inject Event<SegmentEntered> entered;

  @Inject Event<SegmentLeft> left;

  @Inject Clock clock;

  void userChanged(@Observes(during = TransactionPhase.IN_PROGRESS) UserChanged event) {
    Map<Long, Watched> flipped = new LinkedHashMap<>();
    event
        .changes()
        .keySet()
        .forEach(name -> watches.field(name).forEach(w -> flipped.putIfAbsent(w.segmentId(), w)));
    recheck(flipped.values(), event.userId(), event.source(), null);
  }

  /** A new user may be in any watched segment at once (e.g. "no login within 7 days"). */
  void registered(@Observes(during = TransactionPhase.IN_PROGRESS) UserRegistered event) {
    recheck(watches.all(), event.userId(), event.source(), null);
  }

  /**
   * The user's tracked event of this name, at {@code occurredAt} (told by the events feature, which
   * depends on segments through goals).
   */
  public void eventTracked(String name, long userId, Instant occurredAt) {
    recheck(watches.event(name), userId, Source.API, occurredAt);
  }

  /** One of the user's rows of the goal changed (created, completed, timed out), now. */
  public void goalChanged(String goalCode, long userId, Source source) {
    recheck(watches.goal(goalCode), userId, source, clock.instant());
  }

  /**
   * Re-checks the user in each segment against its snapshot and tells what changed; {@code
   * windowFrom}: the time the change happened, from which a windowed criterion is re-checked once
   * its window has passed (null: the change is not one a window counts).
   */
  private void recheck(Collection<Watched> segments, long userId, Source source, Instant from) {
    if (segments.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    for (Watched segment : segments) {
      boolean member;
      try {
        member = checks.containsId(segment.code(), userId);
      } catch (WaymarkException e) {
        // a definition that no longer compiles (a field withdrawn): the recount reports it; the
        // change that asked goes through
        LOG.log(
            Level.WARNING, "Segment {0} cannot be re-checked: {1}", segment.code(), e.getMessage());
        continue;
      }
      tell(segment.code(), userId, snapshots.recheck(segment.segmentId(), userId, member), source);
      if (segment.windowDays() != null && from != null) {
        Instant due = from.plus(Duration.ofDays(segment.windowDays()));
        if (due.isAfter(now)) {
          snapshots.recheckAt(segment.segmentId(), userId, due, now);
        }
      }
    }
  }

  /** A due re-check (a window passed), in its own transaction. */
  public void recheckDue(long id) {
    Optional<Recheck> claimed = snapshots.lockClaimed(id);
    if (claimed.isEmpty()) {
      return;
    }
    Recheck recheck = claimed.get();
    boolean member = checks.containsId(recheck.code(), recheck.userId());
    tell(
        recheck.code(),
        recheck.userId(),
        snapshots.recheck(recheck.segmentId(), recheck.userId(), member),
        Source.EVALUATION);
    snapshots.done(id);
  }

  /** What a recount found; a first snapshot is announced, so the servers watch the segment. */
  void recounted(String code, Diff diff) {
    if (diff.first()) {
      broadcast.publish(TOPIC, "");
      return;
    }
    diff.entered().forEach(id -> tell(code, id, 1, Source.EVALUATION));
    diff.left().forEach(id -> tell(code, id, -1, Source.EVALUATION));
  }

  private void tell(String code, long userId, int change, Source source) {
    if (change > 0) {
      entered.fire(new SegmentEntered(code, userId, source));
    } else if (change < 0) {
      left.fire(new SegmentLeft(code, userId, source));
    }
  }

  @Override
  public String topic() {
    return TOPIC;
  }

  @Override
  public void received(String payload) {
    watches.refresh();
  }

  @Override
  public void missed() {
    watches.refresh();
  }
}
