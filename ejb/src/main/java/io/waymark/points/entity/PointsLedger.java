package io.waymark.points.entity;

import io.waymark.platform.db.Jdbc;
import io.waymark.points.boundary.PointGroup;
import io.waymark.points.boundary.PointsEntry;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The point groups and the users' ledger entries (V24): the one write path of both tables. */
@Dependent
public class PointsLedger {

  @Inject Jdbc jdbc;

  /** False when the code is taken. */
  public boolean insertGroup(PointGroup group) {
    return jdbc.update(
            "insert into point_groups (code, name, created_at) values (?, ?, ?) on conflict (code) do nothing",
            group.code(),
            group.name(),
            group.createdAt())
        == 1;
  }

  public List<PointGroup> groups() {
    return jdbc.list(
        "select code, name, created_at from point_groups order by code",
        rs -> new PointGroup(rs.getString(1), rs.getString(2), Jdbc.instant(rs, 3)));
  }

  public Optional<Long> groupId(String code) {
    return jdbc.first("select id from point_groups where code = ?", rs -> rs.getLong(1), code);
  }

  /** Adds an entry; the user's total after it. */
  public long add(long userId, Long groupId, int points, String reason, String source, Instant at) {
    jdbc.update(
        "insert into user_points (user_id, group_id, points, reason, source, created_at) values (?, ?, ?, ?, ?, ?)",
        userId,
        groupId,
        points,
        reason,
        source,
        at);
    return total(userId);
  }

  public long total(long userId) {
    return jdbc.first(
            "select coalesce(sum(points), 0) from user_points where user_id = ?",
            rs -> rs.getLong(1),
            userId)
        .orElse(0L);
  }

  /** The sums per group code (entries without a group are in the total only). */
  public Map<String, Long> byGroup(long userId) {
    Map<String, Long> groups = new LinkedHashMap<>();
    jdbc.list(
        "select g.code, sum(p.points) from user_points p join point_groups g on g.id = p.group_id"
            + " where p.user_id = ? group by g.code order by g.code",
        rs -> groups.put(rs.getString(1), rs.getLong(2)),
        userId);
    return groups;
  }

  /** The newest entries first. */
  public List<PointsEntry> history(long userId, int limit) {
    return jdbc.list(
        "select p.id, p.points, g.code, p.reason, p.created_at from user_points p"
            + " left join point_groups g on g.id = p.group_id where p.user_id = ? order by p.id desc limit ?",
        rs ->
            new PointsEntry(
                rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), Jdbc.instant(rs, 5)),
        userId,
        limit);
  }
}
