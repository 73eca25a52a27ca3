package io.waymark.campaigns.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/**
 * The members of one segment as a compressed bitmap of user ids, safe for many readers and writers.
 *
 * <p>Unbuilt until its first build finishes ({@link #contains} answers null: the caller asks the
 * database). A build streams the members into a private bitmap while updates keep coming: each
 * update applies to the current bitmap (if any) and is also recorded; when the stream ends, the
 * recorded updates are replayed onto the new bitmap, which then replaces the current one. An update
 * that commits after the stream's snapshot is therefore never lost, and replaying one the snapshot
 * already contains changes nothing (updates are idempotent).
 *
 * <p>User ids are {@code bigint}: {@link Roaring64NavigableMap} keeps one 32-bit Roaring bitmap per
 * distinct high half, so while ids stay below 2^32 it costs the same as a plain {@code
 * RoaringBitmap} plus one map entry, and it stays correct beyond.
 */
public final class CachedSegment {

  /** What an operator can see about a cached segment. */
  public record Stats(
      String code, Long goalId, boolean built, long members, long bytes, Instant builtAt) {}

  private final String code;
  private final Long goalId;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private Roaring64NavigableMap members;
  private List<long[]> recorded;
  private boolean building;
  private Instant builtAt;

  /**
   * {@code goalId}: set for a goal segment (kept current from goal events), null for the others
   * (rebuilt on a period).
   */
  public CachedSegment(String code, Long goalId) {
    this.code = code;
    this.goalId = goalId;
  }

  public String code() {
    return code;
  }

  public Long goalId() {
    return goalId;
  }

  public boolean built() {
    lock.readLock().lock();
    try {
      return members != null;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Whether the user is a member; null while the segment was never built. */
  public Boolean contains(long userId) {
    lock.readLock().lock();
    try {
      return members == null ? null : members.contains(userId);
    } finally {
      lock.readLock().unlock();
    }
  }

  public void update(long userId, boolean member) {
    lock.writeLock().lock();
    try {
      if (members != null) {
        apply(members, userId, member);
      }
      if (recorded != null) {
        recorded.add(new long[] {userId, member ? 1 : 0});
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Starts a build; null when one is already running. Updates are recorded from now on. */
  public Build startBuild() {
    lock.writeLock().lock();
    try {
      if (building) {
        return null;
      }
      building = true;
      recorded = new ArrayList<>();
      return new Build();
    } finally {
      lock.writeLock().unlock();
    }
  }

  public Stats stats() {
    lock.readLock().lock();
    try {
      return new Stats(
          code,
          goalId,
          members != null,
          members == null ? 0 : members.getLongCardinality(),
          members == null ? 0 : members.getLongSizeInBytes(),
          builtAt);
    } finally {
      lock.readLock().unlock();
    }
  }

  private static void apply(Roaring64NavigableMap bitmap, long userId, boolean member) {
    if (member) {
      bitmap.addLong(userId);
    } else {
      bitmap.removeLong(userId);
    }
  }

  /**
   * One build: {@link #add} the streamed members (one thread), then {@link #finish} or {@link
   * #abort}.
   */
  public final class Build {
    private final Roaring64NavigableMap fresh = new Roaring64NavigableMap();

    private Build() {}

    public void add(long userId) {
      fresh.addLong(userId);
    }

    /** Replays the updates recorded during the build and makes the new bitmap current. */
    public void finish(Instant now) {
      fresh.runOptimize(); // still private: compress runs without holding up readers
      lock.writeLock().lock();
      try {
        for (long[] update : recorded) {
          apply(fresh, update[0], update[1] == 1);
        }
        members = fresh;
        builtAt = now;
      } finally {
        recorded = null;
        building = false;
        lock.writeLock().unlock();
      }
    }

    /** Keeps the current bitmap (or none) as it is. */
    public void abort() {
      lock.writeLock().lock();
      try {
        recorded = null;
        building = false;
      } finally {
        lock.writeLock().unlock();
      }
    }
  }
}
