package io.waymark.campaigns.control;

import io.waymark.campaigns.boundary.UserBanner;
import io.waymark.platform.db.Jdbc;
import io.waymark.segments.boundary.Segments;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The banners a user should see now, and their impressions, in the caller's transaction over plain
 * JDBC (a hot path, ADR 0006): active campaigns within their schedule, targeted by segment
 * membership (the in-memory cache, or the database for a segment not built yet), under the per-user
 * cap; plus the user's unexpired one-time banners.
 */
@Dependent
public class BannerTargeting {

  /** A banner of a candidate campaign, with what its campaign needs to be judged. */
  record Candidate(
      long campaignId,
      Integer cap,
      int displays,
      List<String> include,
      List<String> exclude,
      boolean oneTime,
      UserBanner banner) {}

  private static final String CANDIDATES =
      """
      select c.id, c.max_displays_per_user, coalesce(d.displays, 0),
             array(select s.segment_code from campaign_segments s where s.campaign_id = c.id and not s.excluded),
             array(select s.segment_code from campaign_segments s where s.campaign_id = c.id and s.excluded),
             false, b.sorting, b.id, b.position, b.text, b.html, b.background_color, b.text_color
      from campaigns c
      join campaign_banners b on b.campaign_id = c.id
      left join campaign_displays d on d.campaign_id = c.id and d.user_id = ?
      where c.status = 'active' and (c.starts_at is null or c.starts_at <= ?) and (c.ends_at is null or c.ends_at > ?)
      union all
      select b.campaign_id, null, 0, null, null, true, b.sorting, b.id, b.position, b.text, b.html, b.background_color, b.text_color
      from campaign_one_time_banners o join campaign_banners b on b.id = o.banner_id
      where o.user_id = ? and o.expires_at > ?
      order by 1, 6, 7, 8""";

  /**
   * Counts a display per shown campaign; the cap is checked again under the row lock, so it holds
   * under races.
   */
  private static final String DISPLAYS =
      """
      insert into campaign_displays as d (campaign_id, user_id, displays, first_displayed_at, last_displayed_at)
      select c, ?, 1, ?, ? from unnest(?::bigint[]) c
      on conflict (campaign_id, user_id) do update set displays = d.displays + 1, last_displayed_at = excluded.last_displayed_at
      where d.displays < coalesce((select m.max_displays_per_user from campaigns m where m.id = d.campaign_id), 2147483647)
      returning d.campaign_id""";

  private static final String IMPRESSIONS =
      """
      insert into campaign_banner_impressions as i (banner_id, user_id, impressions, first_at, last_at)
      select b, ?, 1, ?, ? from unnest(?::bigint[]) b
      on conflict (banner_id, user_id) do update set impressions = i.impressions + 1, last_at = excluded.last_at""";

  @Inject Jdbc jdbc;

  @Inject CampaignSegmentCache cache;

  @Inject Segments segments;

  /**
   * The user must exist; {@code active} is the user's active flag (goal segments hold active users
   * only).
   */
  public List<UserBanner> bannersFor(long userId, boolean active, Instant now) {
    List<Candidate> candidates =
        jdbc.list(CANDIDATES, BannerTargeting::candidate, userId, now, now, userId, now);
    if (candidates.isEmpty()) {
      return List.of();
    }
    Map<Long, Boolean> judged = new LinkedHashMap<>();
    for (Candidate c : candidates) {
      if (!c.oneTime()) {
        judged.computeIfAbsent(c.campaignId(), id -> underCap(c) && targeted(c, userId, active));
      }
    }
    List<Long> shown =
        judged.entrySet().stream()
            .filter(Map.Entry::getValue)
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    Set<Long> counted =
        shown.isEmpty()
            ? Set.of()
            : Set.copyOf(
                jdbc.list(DISPLAYS, rs -> rs.getLong(1), userId, now, now, Jdbc.idArray(shown)));
    Map<Long, UserBanner> banners = new LinkedHashMap<>();
    for (Candidate c : candidates) {
      if (c.oneTime() || counted.contains(c.campaignId())) {
        banners.putIfAbsent(c.banner().id(), c.banner());
      }
    }
    if (!banners.isEmpty()) {
      jdbc.update(
          IMPRESSIONS, userId, now, now, Jdbc.idArray(banners.keySet().stream().sorted().toList()));
    }
    return List.copyOf(banners.values());
  }

  private static boolean underCap(Candidate c) {
    return c.cap() == null || c.displays() < c.cap();
  }

  private boolean targeted(Candidate c, long userId, boolean active) {
    for (String code : c.exclude()) {
      if (member(code, userId, active)) {
        return false;
      }
    }
    if (c.include().isEmpty()) {
      return true;
    }
    for (String code : c.include()) {
      if (member(code, userId, active)) {
        return true;
      }
    }
    return false;
  }

  private boolean member(String code, long userId, boolean active) {
    Boolean cached = cache.contains(code, userId, active);
    return cached != null ? cached : segments.contains(code, userId);
  }

  private static Candidate candidate(ResultSet rs) throws SQLException {
    Integer cap = rs.getObject(2) == null ? null : rs.getInt(2);
    UserBanner banner =
        new UserBanner(
            rs.getLong(8),
            rs.getLong(1),
            rs.getString(9),
            rs.getString(10),
            rs.getString(11),
            rs.getString(12),
            rs.getString(13));
    return new Candidate(
        rs.getLong(1),
        cap,
        rs.getInt(3),
        codes(rs.getArray(4)),
        codes(rs.getArray(5)),
        rs.getBoolean(6),
        banner);
  }

  private static List<String> codes(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    List<String> codes = new ArrayList<>();
    for (Object code : (Object[]) array.getArray()) {
      codes.add((String) code);
    }
    return codes;
  }
}
