package io.waymark.segments.boundary;

import io.waymark.platform.db.Jdbc;
import io.waymark.platform.error.FieldError;
import io.waymark.platform.error.WaymarkException;
import io.waymark.platform.plugins.Source;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The members of static segments (SPEC §4 kind {@code static}): added and removed by id, up to
 * {@value #MAX} a call, in one statement each way. Only rows that really change are told — {@link
 * SegmentEntered} for each user added, {@link SegmentLeft} for each removed — in the same
 * transaction, so adding a member twice enters once and a rollback tells nothing.
 */
@Stateless
public class StaticMembers {

  public static final int MAX = 1000;

  /** What a call changed: members added (or removed), and those that already were (or were not). */
  public record Result(int changed, int unchanged) {}

  @Inject Segments segments;

  @Inject Jdbc jdbc;

  @Inject Clock clock;

  @Inject Event<SegmentEntered> entered;

  @Inject Event<SegmentLeft> left;

  /** Every id must be a user's; an unknown one is a 400 naming it, and nothing is added. */
  public Result add(String code, Collection<Long> userIds, Source source) {
    SegmentView segment = staticSegment(code, userIds);
    Set<Long> ids = new LinkedHashSet<>(userIds);
    Set<Long> unknown = new TreeSet<>(ids);
    unknown.removeAll(
        jdbc.list(
            "select id from users where id = any(?::bigint[])",
            rs -> rs.getLong(1),
            Jdbc.idArray(ids)));
    if (!unknown.isEmpty()) {
      throw WaymarkException.payloadError(
          List.of(
              new FieldError(
                  "user_ids",
                  "no such users: "
                      + unknown.stream()
                          .limit(20)
                          .map(String::valueOf)
                          .collect(Collectors.joining(", "))
                      + (unknown.size() > 20 ? " (and " + (unknown.size() - 20) + " more)" : ""))));
    }
    List<Long> added =
        jdbc.list(
            "insert into segment_members (segment_id, user_id, added_at)"
                + " select ?, u, ? from unnest(?::bigint[]) u order by u"
                + " on conflict do nothing returning user_id",
            rs -> rs.getLong(1),
            segment.id(),
            clock.instant(),
            Jdbc.idArray(ids));
    added.forEach(id -> entered.fire(new SegmentEntered(code, id, source)));
    return new Result(added.size(), ids.size() - added.size());
  }

  /** Ids that are not members (also of no user) are counted as unchanged. */
  public Result remove(String code, Collection<Long> userIds, Source source) {
    SegmentView segment = staticSegment(code, userIds);
    Set<Long> ids = new LinkedHashSet<>(userIds);
    List<Long> removed =
        jdbc.list(
            "delete from segment_members where segment_id = ? and user_id = any(?::bigint[])"
                + " returning user_id",
            rs -> rs.getLong(1),
            segment.id(),
            Jdbc.idArray(ids));
    removed.forEach(id -> left.fire(new SegmentLeft(code, id, source)));
    return new Result(removed.size(), ids.size() - removed.size());
  }

  private SegmentView staticSegment(String code, Collection<Long> userIds) {
    if (userIds.size() > MAX) {
      throw WaymarkException.tooLarge("At most " + MAX + " user ids per call");
    }
    SegmentView segment = segments.find(code);
    if (!segment.isStatic()) {
      throw WaymarkException.conflict(
          "not_static",
          "Segment '"
              + code
              + "' is a "
              + segment.kind().key()
              + " segment: its members follow its definition");
    }
    return segment;
  }
}
