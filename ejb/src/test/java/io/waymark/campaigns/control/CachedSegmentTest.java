package io.waymark.campaigns.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class CachedSegmentTest {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  private static CachedSegment built(long... ids) {
    CachedSegment segment = new CachedSegment("s", null);
    CachedSegment.Build build = segment.startBuild();
    for (long id : ids) {
      build.add(id);
    }
    build.finish(NOW);
    return segment;
  }

  @Test
  void unbuiltAnswersNullAndForgetsUpdatesTheNextBuildWillSee() {
    CachedSegment segment = new CachedSegment("s", 7L);
    segment.update(1, true);
    assertThat(segment.contains(1)).isNull();
    assertThat(segment.built()).isFalse();
    assertThat(segment.stats().members()).isZero();
  }

  @Test
  void holdsStreamedIdsIncludingIdsBeyond32Bits() {
    long big = (1L << 40) + 3;
    CachedSegment segment = built(1, 2, 5, big);
    assertThat(segment.contains(2)).isTrue();
    assertThat(segment.contains(3)).isFalse();
    assertThat(segment.contains(big)).isTrue();
    assertThat(segment.contains(3L + (1L << 32))).isFalse();
    assertThat(segment.stats())
        .extracting(
            CachedSegment.Stats::built, CachedSegment.Stats::members, CachedSegment.Stats::builtAt)
        .containsExactly(true, 4L, NOW);
  }

  @Test
  void updatesApplyAtOnce() {
    CachedSegment segment = built(1, 2);
    segment.update(2, false);
    segment.update(9, true);
    segment.update(9, true);
    assertThat(segment.contains(2)).isFalse();
    assertThat(segment.contains(9)).isTrue();
    assertThat(segment.stats().members()).isEqualTo(2);
  }

  @Test
  void updatesDuringABuildReachTheOldAndTheNewBitmap() {
    CachedSegment segment = built(1, 2, 3);
    CachedSegment.Build build = segment.startBuild();
    build.add(1);
    build.add(2); // the stream read 2 before its removal committed
    segment.update(2, false);
    segment.update(4, true); // committed after the stream's snapshot
    assertThat(segment.contains(2)).as("old bitmap stays current while building").isFalse();
    assertThat(segment.contains(4)).isTrue();
    build.add(3);
    build.finish(NOW);
    assertThat(segment.contains(1)).isTrue();
    assertThat(segment.contains(2)).isFalse();
    assertThat(segment.contains(3)).isTrue();
    assertThat(segment.contains(4)).isTrue();
    segment.update(5, true);
    assertThat(segment.contains(5)).as("no recording left over").isTrue();
  }

  @Test
  void oneBuildAtATimeAndAnAbortKeepsTheCurrentBitmap() {
    CachedSegment segment = built(1);
    CachedSegment.Build build = segment.startBuild();
    assertThat(segment.startBuild()).isNull();
    build.add(2);
    build.abort();
    assertThat(segment.contains(1)).isTrue();
    assertThat(segment.contains(2)).isFalse();
    assertThat(segment.startBuild()).isNotNull();
  }

  @Test
  void aMillionMembersTakeFarLessThanALongArray() {
    CachedSegment segment = new CachedSegment("big", null);
    CachedSegment.Build build = segment.startBuild();
    for (long id = 1; id <= 3_000_000; id++) {
      if (id % 3 != 0) {
        build.add(id); // two of every three users, a dense segment
      }
    }
    build.finish(NOW);
    CachedSegment.Stats stats = segment.stats();
    assertThat(stats.members()).isEqualTo(2_000_000);
    assertThat(stats.bytes()).isLessThan(2_000_000L * 8 / 10);
    assertThat(segment.contains(2_999_997)).isFalse();
    assertThat(segment.contains(2_999_998)).isTrue();
    assertThat(segment.contains(3_000_001)).isFalse();
  }

  @Test
  void readersAndWritersConcurrently() throws Exception {
    CachedSegment segment = built();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    AtomicBoolean failed = new AtomicBoolean();
    List<Future<?>> work = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      long offset = t * 1_000_000L;
      work.add(
          pool.submit(
              () -> {
                for (long id = 1; id <= 20_000; id++) {
                  segment.update(offset + id, true);
                  if (id % 2 == 0) {
                    segment.update(offset + id, false);
                  }
                }
              }));
      work.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 200_000; i++) {
                  if (segment.contains(offset + 1 + i % 20_000) == null) {
                    failed.set(true);
                  }
                }
              }));
    }
    for (Future<?> f : work) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(failed).isFalse();
    assertThat(segment.stats().members()).isEqualTo(20_000);
    assertThat(segment.contains(1_000_001)).isTrue();
    assertThat(segment.contains(1_000_002)).isFalse();
  }
}
