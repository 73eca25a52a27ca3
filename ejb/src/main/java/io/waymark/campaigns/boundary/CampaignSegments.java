package io.waymark.campaigns.boundary;

import io.waymark.campaigns.control.CachedSegment;
import io.waymark.campaigns.control.CampaignSegmentCache;
import io.waymark.platform.db.Jdbc;
import io.waymark.segments.boundary.SegmentMembership;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loads this server's campaign segment cache (ADR 0007): at startup, when campaigns change (here,
 * or announced on the topic by another server), and by a sweep ({@link CampaignSegmentRefresh},
 * {@code waymark.campaigns.segment-refresh-period}, first right after start) that rebuilds the
 * segments goal events do not keep current — and goal segments too once {@code
 * waymark.campaigns.goal-segment-rebuild-period} has passed since their last build (repairs a lost
 * topic message). Until a segment is built, banners ask the database.
 */
@Singleton
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CampaignSegments {

  private static final System.Logger LOG = System.getLogger(CampaignSegments.class.getName());

  @Inject CampaignSegmentCache cache;

  @Inject SegmentMembership membership;

  @Inject Jdbc jdbc;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "waymark.campaigns.segment-refresh-period", defaultValue = "PT5M")
  Duration period;

  /**
   * Goal segments follow goal events; a slow full rebuild also repairs what a lost topic message
   * left stale.
   */
  @Inject
  @ConfigProperty(name = "waymark.campaigns.goal-segment-rebuild-period", defaultValue = "PT1H")
  Duration goalRebuildPeriod;

  private final ReentrantLock loading = new ReentrantLock();
  private final ConcurrentMap<String, SegmentMembership.Source> sources = new ConcurrentHashMap<>();

  /**
   * The refresh ({@link CampaignSegmentRefresh}'s sweep); skipped while a load runs. The number of
   * segments this server caches after it.
   */
  public int refresh() {
    if (loading.tryLock()) {
      try {
        load(true);
      } finally {
        loading.unlock();
      }
    }
    return cache.segments().size();
  }

  /** A refresh on its own thread (announcements were missed: every segment is rebuilt). */
  @Asynchronous
  public void refreshSoon() {
    refresh();
  }

  /** {@code waymark.campaigns.segment-refresh-period}. */
  public Duration refreshPeriod() {
    return period;
  }

  /** Builds what active campaigns now target and forgets what they no longer do. */
  @Asynchronous
  public void reload() {
    loading.lock();
    try {
      load(false);
    } finally {
      loading.unlock();
    }
  }

  /** Re-reads one user's membership of a cached segment (a change announced on the topic). */
  public void recheck(String code, long userId) {
    SegmentMembership.Source source = sources.get(code);
    if (source != null) {
      cache.recheck(code, userId, id -> membership.contains(source, id));
    }
  }

  public List<CachedSegmentView> cached() {
    return cache.segments().stream()
        .map(CachedSegment::stats)
        .sorted(Comparator.comparing(CachedSegment.Stats::code))
        .map(
            s ->
                new CachedSegmentView(
                    s.code(), s.goalId() != null, s.built(), s.members(), s.bytes(), s.builtAt()))
        .toList();
  }

  public long rechecks() {
    return cache.rechecks();
  }

  private void load(boolean refresh) {
    try {
      List<CampaignSegmentCache.Wanted> wanted = new ArrayList<>();
      for (String code : targeted()) {
        membership
            .source(code)
            .ifPresent(
                source -> {
                  sources.put(code, source);
                  wanted.add(new CampaignSegmentCache.Wanted(code, source.goalId()));
                });
      }
      List<CachedSegment> added = cache.retain(wanted);
      sources.keySet().removeIf(code -> wanted.stream().noneMatch(w -> w.code().equals(code)));
      for (CachedSegment segment : added) {
        build(segment);
      }
      if (refresh) {
        for (CachedSegment segment : cache.segments()) {
          if (!added.contains(segment)
              && (segment.goalId() == null || !segment.built() || rebuildDue(segment))) {
            build(segment);
          }
        }
      }
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Loading the campaign segment cache failed; banners ask the database meanwhile",
          e);
    }
  }

  private boolean rebuildDue(CachedSegment segment) {
    Instant builtAt = segment.stats().builtAt();
    return builtAt == null || !builtAt.plus(goalRebuildPeriod).isAfter(clock.instant());
  }

  /** The segments active campaigns target. */
  private List<String> targeted() {
    return jdbc.list(
        "select distinct s.segment_code from campaign_segments s join campaigns c on c.id = s.campaign_id"
            + " where c.status = 'active'",
        rs -> rs.getString(1));
  }

  private void build(CachedSegment segment) {
    SegmentMembership.Source source = sources.get(segment.code());
    CachedSegment.Build build = source == null ? null : segment.startBuild();
    if (build == null) {
      return;
    }
    long started = System.nanoTime();
    try {
      membership.streamIds(source, build::add);
      build.finish(clock.instant());
    } catch (RuntimeException e) {
      build.abort();
      LOG.log(
          Level.WARNING,
          "Building the cached segment "
              + segment.code()
              + " failed; banners ask the database for it",
          e);
      return;
    }
    CachedSegment.Stats stats = segment.stats();
    LOG.log(
        Level.INFO,
        "Cached segment {0}: {1} members, {2} bytes, built in {3} ms",
        segment.code(),
        stats.members(),
        stats.bytes(),
        (System.nanoTime() - started) / 1_000_000);
  }
}
