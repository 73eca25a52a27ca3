package io.waymark.campaigns.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignSegmentCacheTest {

  private final CampaignSegmentCache cache = new CampaignSegmentCache();

  private static void build(CachedSegment segment, long... ids) {
    CachedSegment.Build build = segment.startBuild();
    for (long id : ids) {
      build.add(id);
    }
    build.finish(Instant.EPOCH);
  }

  @Test
  void segmentsNotHeldOrNotBuiltAreLeftToTheDatabase() {
    assertThat(cache.contains("nope", 1, true)).isNull();
    List<CachedSegment> added = cache.retain(List.of(new CampaignSegmentCache.Wanted("vip", null)));
    assertThat(added).extracting(CachedSegment::code).containsExactly("vip");
    assertThat(cache.contains("vip", 1, true)).isNull();
    build(added.get(0), 1);
    assertThat(cache.contains("vip", 1, true)).isTrue();
    assertThat(cache.contains("vip", 2, true)).isFalse();
  }

  @Test
  void aGoalSegmentCountsOnlyActiveUsersOtherSegmentsTheirOwnDefinition() {
    List<CachedSegment> added =
        cache.retain(
            List.of(
                new CampaignSegmentCache.Wanted("onboarding_demo", 7L),
                new CampaignSegmentCache.Wanted("everyone", null)));
    added.forEach(s -> build(s, 1));
    assertThat(cache.contains("onboarding_demo", 1, true)).isTrue();
    assertThat(cache.contains("onboarding_demo", 1, false)).isFalse();
    assertThat(cache.contains("everyone", 1, false)).isTrue();
    assertThat(cache.forGoal(7)).get().extracting(CachedSegment::code).isEqualTo("onboarding_demo");
  }

  @Test
  void retainKeepsBuiltSegmentsAddsNewOnesAndDropsTheRest() {
    CachedSegment goal =
        cache.retain(List.of(new CampaignSegmentCache.Wanted("onboarding_a", 1L))).get(0);
    build(goal, 5);
    List<CachedSegment> added =
        cache.retain(
            List.of(
                new CampaignSegmentCache.Wanted("onboarding_a", 1L),
                new CampaignSegmentCache.Wanted("b", null)));
    assertThat(added).extracting(CachedSegment::code).containsExactly("b");
    assertThat(cache.segment("onboarding_a")).containsSame(goal);
    cache.retain(List.of(new CampaignSegmentCache.Wanted("b", null)));
    assertThat(cache.segment("onboarding_a")).isEmpty();
    assertThat(cache.forGoal(1)).isEmpty();
    assertThat(cache.contains("onboarding_a", 5, true)).isNull();
  }

  @Test
  void updatesAndRechecks() {
    CachedSegment goal =
        cache.retain(List.of(new CampaignSegmentCache.Wanted("onboarding_a", 1L))).get(0);
    build(goal);
    cache.update(goal, 3, true);
    assertThat(cache.contains("onboarding_a", 3, true)).isTrue();
    cache.recheck("onboarding_a", 3, id -> false);
    assertThat(cache.contains("onboarding_a", 3, true)).isFalse();
    cache.recheck("onboarding_a", 4, id -> id == 4);
    assertThat(cache.contains("onboarding_a", 4, true)).isTrue();
    cache.recheck(
        "not-held",
        4,
        id -> {
          throw new AssertionError("a segment this server does not hold is not re-checked");
        });
    assertThat(cache.rechecks()).isEqualTo(2);
  }
}
