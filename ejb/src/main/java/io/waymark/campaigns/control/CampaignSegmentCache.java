package io.waymark.campaigns.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;

/**
 * This server's in-memory membership of the segments that active campaigns target (ADR 0007). Goal
 * segments hold the users with an active row of the goal; whether the user is active is checked by
 * the reader, because (de)activating a user fires no event. Other segments hold their members as of
 * the last build.
 *
 * <p>Changes to one user are serialised by a lock stripe, so a re-check that reads the database and
 * a local update after commit cannot interleave: the later one always wins.
 */
@ApplicationScoped
public class CampaignSegmentCache {

  /** A segment to keep: its code, and its goal for a goal segment. */
  public record Wanted(String code, Long goalId) {}

  private static final int STRIPES = 256;

  private final ConcurrentMap<String, CachedSegment> byCode = new ConcurrentHashMap<>();
  private final ConcurrentMap<Long, CachedSegment> byGoal = new ConcurrentHashMap<>();
  private final Object[] stripes = new Object[STRIPES];
  private final AtomicLong rechecks = new AtomicLong();

  public CampaignSegmentCache() {
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Object();
    }
  }

  /**
   * Whether the user is in the segment: null when this server does not hold the segment or has not
   * built it yet (the caller asks the database).
   */
  public Boolean contains(String code, long userId, boolean userActive) {
    CachedSegment segment = byCode.get(code);
    if (segment == null) {
      return null;
    }
    Boolean member = segment.contains(userId);
    if (member == null) {
      return null;
    }
    return segment.goalId() == null ? member : member && userActive;
  }

  public Optional<CachedSegment> forGoal(long goalId) {
    return Optional.ofNullable(byGoal.get(goalId));
  }

  public Optional<CachedSegment> segment(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  public Collection<CachedSegment> segments() {
    return List.copyOf(byCode.values());
  }

  /**
   * Keeps exactly the wanted segments: drops the others, registers (unbuilt) the new ones and
   * returns those.
   */
  public synchronized List<CachedSegment> retain(Collection<Wanted> wanted) {
    Map<String, Wanted> keep = new ConcurrentHashMap<>();
    wanted.forEach(w -> keep.put(w.code(), w));
    for (CachedSegment segment : byCode.values()) {
      if (!keep.containsKey(segment.code())) {
        byCode.remove(segment.code());
        if (segment.goalId() != null) {
          byGoal.remove(segment.goalId(), segment);
        }
      }
    }
    List<CachedSegment> added = new ArrayList<>();
    for (Wanted w : keep.values()) {
      if (!byCode.containsKey(w.code())) {
        CachedSegment segment = new CachedSegment(w.code(), w.goalId());
        if (w.goalId() != null) {
          byGoal.put(w.goalId(), segment);
        }
        byCode.put(w.code(), segment);
        added.add(segment);
      }
    }
    return added;
  }

  /** A change this server committed (a goal event after commit). */
  public void update(CachedSegment segment, long userId, boolean member) {
    synchronized (stripe(userId)) {
      segment.update(userId, member);
    }
  }

  /**
   * Re-reads one user's membership from the database ({@code truth}) and applies it: what a server
   * does with a change announced on the topic, whichever server made it and in whatever order the
   * announcements arrive.
   */
  public void recheck(String code, long userId, LongPredicate truth) {
    CachedSegment segment = byCode.get(code);
    if (segment == null) {
      return;
    }
    synchronized (stripe(userId)) {
      segment.update(userId, truth.test(userId));
    }
    rechecks.incrementAndGet();
  }

  /** How many announced changes this server has re-checked since it started. */
  public long rechecks() {
    return rechecks.get();
  }

  private Object stripe(long userId) {
    return stripes[(int) Math.floorMod(userId, (long) STRIPES)];
  }
}
