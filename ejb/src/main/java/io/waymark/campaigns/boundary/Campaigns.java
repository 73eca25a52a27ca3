package io.waymark.campaigns.boundary;

import io.waymark.campaigns.control.BannerSanitizer;
import io.waymark.campaigns.control.BannerTargeting;
import io.waymark.campaigns.control.CampaignRules;
import io.waymark.campaigns.entity.Campaign;
import io.waymark.campaigns.entity.CampaignBanner;
import io.waymark.campaigns.entity.CampaignSegment;
import io.waymark.platform.db.Jdbc;
import io.waymark.platform.error.FieldError;
import io.waymark.platform.error.WaymarkException;
import io.waymark.segments.boundary.SegmentMembership;
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
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Campaigns with their banners and target segments; the banners a user should see; one-time
 * banners.
 */
@Stateless
public class Campaigns {

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Inject Jdbc jdbc;

  @Inject SegmentMembership segments;

  @Inject BannerTargeting targeting;

  @Inject Event<CampaignsChanged> changed;

  /**
   * Banner HTML is cleaned to the banner allow-list ({@link BannerHtml}) before it is validated and
   * stored: the answer, and every later read, carries the cleaned HTML.
   */
  public CampaignView create(CampaignChange change) {
    CampaignChange merged =
        new CampaignChange(
            change.given(),
            change.name(),
            change.has(CampaignChange.STATUS) ? change.status() : CampaignStatus.DRAFT.id(),
            change.startsAt(),
            change.endsAt(),
            orEmpty(change.includeSegments()),
            orEmpty(change.excludeSegments()),
            change.maxDisplaysPerUser(),
            sanitized(orEmpty(change.banners())));
    validate(merged, Set.of());
    Campaign campaign = new Campaign(clock.instant());
    apply(campaign, merged);
    em.persist(campaign);
    em.flush();
    if (CampaignStatus.ACTIVE.id().equals(campaign.getStatus())) {
      changed.fire(new CampaignsChanged(campaign.getId()));
    }
    return view(campaign);
  }

  /**
   * Only the fields given change; a given banner list replaces the banners (banners sent with their
   * id keep it). Banner HTML is stored sanitised, as on create.
   */
  public CampaignView update(long id, CampaignChange change) {
    Campaign campaign = entity(id);
    CampaignChange merged =
        new CampaignChange(
            change.given(),
            change.has(CampaignChange.NAME) ? change.name() : campaign.getName(),
            change.has(CampaignChange.STATUS) ? change.status() : campaign.getStatus(),
            change.has(CampaignChange.STARTS_AT) ? change.startsAt() : campaign.getStartsAt(),
            change.has(CampaignChange.ENDS_AT) ? change.endsAt() : campaign.getEndsAt(),
            change.has(CampaignChange.INCLUDE)
                ? orEmpty(change.includeSegments())
                : codes(campaign, false),
            change.has(CampaignChange.EXCLUDE)
                ? orEmpty(change.excludeSegments())
                : codes(campaign, true),
            change.has(CampaignChange.MAX_DISPLAYS)
                ? change.maxDisplaysPerUser()
                : campaign.getMaxDisplaysPerUser(),
            change.has(CampaignChange.BANNERS) ? sanitized(orEmpty(change.banners())) : null);
    validate(
        merged,
        campaign.getBanners().stream().map(CampaignBanner::getId).collect(Collectors.toSet()));
    boolean wasActive = CampaignStatus.ACTIVE.id().equals(campaign.getStatus());
    apply(campaign, merged);
    campaign.setUpdatedAt(clock.instant());
    em.flush();
    if (wasActive || CampaignStatus.ACTIVE.id().equals(campaign.getStatus())) {
      changed.fire(new CampaignsChanged(id));
    }
    return view(campaign);
  }

  public CampaignView find(long id) {
    return view(entity(id));
  }

  /** Keyset page in id order. */
  public List<CampaignView> page(Long afterId, int limit) {
    return em.createQuery(
            "select c from Campaign c where c.id > :after order by c.id", Campaign.class)
        .setParameter("after", afterId == null ? 0L : afterId)
        .setMaxResults(limit)
        .getResultStream()
        .map(Campaigns::view)
        .toList();
  }

  /**
   * The keyset page just before {@code beforeId}, in ascending id order (the console's "previous
   * page").
   */
  public List<CampaignView> pageBefore(long beforeId, int limit) {
    List<CampaignView> page =
        new java.util.ArrayList<>(
            em.createQuery(
                    "select c from Campaign c where c.id < :before order by c.id desc",
                    Campaign.class)
                .setParameter("before", beforeId)
                .setMaxResults(limit)
                .getResultStream()
                .map(Campaigns::view)
                .toList());
    java.util.Collections.reverse(page);
    return page;
  }

  /** The banners the user should see now; each call records an impression per banner returned. */
  public List<UserBanner> bannersFor(long userId) {
    boolean active =
        jdbc.first("select active from users where id = ?", rs -> rs.getBoolean(1), userId)
            .orElseThrow(() -> Users.userNotFound(String.valueOf(userId)));
    return targeting.bannersFor(userId, active, clock.instant());
  }

  /**
   * Gives a user a banner until {@code expiresAt}, whatever its campaign's status and targeting say
   * (a draft campaign can hold banners only scenarios give). The dedup key (e.g. job id + element
   * id) makes this exactly-once.
   */
  public OneTimeBannerResult giveOneTimeBanner(
      long userId, long bannerId, Instant expiresAt, String dedupKey) {
    if (jdbc.first("select 1 from users where id = ?", rs -> Boolean.TRUE, userId).isEmpty()) {
      return OneTimeBannerResult.UNKNOWN_USER;
    }
    if (jdbc.first("select 1 from campaign_banners where id = ?", rs -> Boolean.TRUE, bannerId)
        .isEmpty()) {
      return OneTimeBannerResult.UNKNOWN_BANNER;
    }
    int inserted =
        jdbc.update(
            "insert into campaign_one_time_banners (user_id, banner_id, expires_at, dedup_key, created_at)"
                + " values (?, ?, ?, ?, ?) on conflict (dedup_key) do nothing",
            userId,
            bannerId,
            expiresAt,
            dedupKey,
            clock.instant());
    return inserted == 1 ? OneTimeBannerResult.GIVEN : OneTimeBannerResult.ALREADY_GIVEN;
  }

  /**
   * How many rows one purge statement deletes at most (the sweeper loops while batches come back
   * full).
   */
  public static final int PURGE_BATCH = 10_000;

  /**
   * Deletes up to {@link #PURGE_BATCH} one-time banners that expired more than {@code retention}
   * ago.
   */
  public int purgeExpiredOneTimeBanners(java.time.Duration retention) {
    return jdbc.update(
        "delete from campaign_one_time_banners where id in (select id from campaign_one_time_banners"
            + " where expires_at < ? limit "
            + PURGE_BATCH
            + ")",
        clock.instant().minus(retention));
  }

  public static WaymarkException campaignNotFound(String id) {
    return WaymarkException.notFound("campaign_not_found", "campaign '" + id + "' not found");
  }

  private Campaign entity(long id) {
    Campaign campaign = em.find(Campaign.class, id);
    if (campaign == null) {
      throw campaignNotFound(String.valueOf(id));
    }
    return campaign;
  }

  /** The banners with their HTML cleaned; HTML of which nothing is left becomes null. */
  private static List<BannerChange> sanitized(List<BannerChange> banners) {
    return banners.stream()
        .map(
            b -> {
              String html = BannerSanitizer.sanitize(b.html());
              return new BannerChange(
                  b.id(),
                  b.name(),
                  b.position(),
                  b.text(),
                  html == null || html.isBlank() ? null : html,
                  b.background(),
                  b.textColor());
            })
        .toList();
  }

  private void validate(CampaignChange merged, Set<Long> bannerIds) {
    Set<String> codes = new HashSet<>(merged.includeSegments());
    codes.addAll(merged.excludeSegments());
    codes.removeIf(c -> c == null);
    List<FieldError> errors = new ArrayList<>();
    CampaignRules.validate(
        merged.banners() == null ? withBanners(merged, List.of()) : merged,
        segments.existing(codes),
        bannerIds,
        errors);
    if (!errors.isEmpty()) {
      throw WaymarkException.payloadError(errors);
    }
  }

  private static CampaignChange withBanners(CampaignChange c, List<BannerChange> banners) {
    return new CampaignChange(
        c.given(),
        c.name(),
        c.status(),
        c.startsAt(),
        c.endsAt(),
        c.includeSegments(),
        c.excludeSegments(),
        c.maxDisplaysPerUser(),
        banners);
  }

  /** {@code c.banners()} null: the banners stay as they are. */
  private static void apply(Campaign campaign, CampaignChange c) {
    campaign.setName(c.name().strip());
    campaign.setStatus(c.status());
    campaign.setStartsAt(c.startsAt());
    campaign.setEndsAt(c.endsAt());
    campaign.setMaxDisplaysPerUser(c.maxDisplaysPerUser());
    Set<CampaignSegment> segments = new LinkedHashSet<>();
    c.includeSegments().forEach(code -> segments.add(new CampaignSegment(code, false)));
    c.excludeSegments().forEach(code -> segments.add(new CampaignSegment(code, true)));
    campaign.getSegments().retainAll(segments);
    campaign.getSegments().addAll(segments);
    if (c.banners() != null) {
      Map<Long, CampaignBanner> current =
          campaign.getBanners().stream()
              .collect(Collectors.toMap(CampaignBanner::getId, Function.identity()));
      Set<Long> kept =
          c.banners().stream()
              .map(BannerChange::id)
              .filter(id -> id != null)
              .collect(Collectors.toSet());
      campaign.getBanners().removeIf(b -> !kept.contains(b.getId()));
      for (int i = 0; i < c.banners().size(); i++) {
        BannerChange change = c.banners().get(i);
        CampaignBanner banner =
            change.id() == null ? new CampaignBanner(campaign) : current.get(change.id());
        banner.setSorting(i);
        banner.setName(change.name().strip());
        banner.setPosition(change.position());
        banner.setText(change.text());
        banner.setHtml(change.html());
        banner.setBackgroundColor(change.background());
        banner.setTextColor(change.textColor());
        if (change.id() == null) {
          campaign.getBanners().add(banner);
        }
      }
    }
  }

  private static List<String> codes(Campaign campaign, boolean excluded) {
    return campaign.getSegments().stream()
        .filter(s -> s.isExcluded() == excluded)
        .map(CampaignSegment::getCode)
        .sorted()
        .toList();
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  static CampaignView view(Campaign c) {
    List<BannerView> banners =
        c.getBanners().stream()
            .sorted(Comparator.comparingInt(CampaignBanner::getSorting))
            .map(
                b ->
                    new BannerView(
                        b.getId(),
                        b.getName(),
                        b.getPosition(),
                        b.getText(),
                        b.getHtml(),
                        b.getBackgroundColor(),
                        b.getTextColor()))
            .toList();
    return new CampaignView(
        c.getId(),
        c.getName(),
        CampaignStatus.parse(c.getStatus()).orElseThrow(),
        c.getStartsAt(),
        c.getEndsAt(),
        codes(c, false),
        codes(c, true),
        c.getMaxDisplaysPerUser(),
        banners,
        c.getCreatedAt(),
        c.getUpdatedAt());
  }
}
