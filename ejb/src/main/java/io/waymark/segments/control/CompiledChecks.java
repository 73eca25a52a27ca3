package io.waymark.segments.control;

import io.waymark.platform.db.SqlFragment;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * This server's membership-check statements, one per segment code, each compiled at a version of
 * the segment definitions (V15's counter). A statement is only trusted when the check that runs it
 * reads the same version.
 */
@ApplicationScoped
public class CompiledChecks {

  /**
   * One segment's check: its SQL (parameters: its own, then the user), compiled at {@code version}.
   */
  public record Check(long version, SqlFragment byId, SqlFragment byEmail) {}

  /** Segments held at most; a server checking more distinct codes compiles the rest each time. */
  static final int MAX = 10_000;

  private final ConcurrentMap<String, Check> byCode = new ConcurrentHashMap<>();

  public Optional<Check> get(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  public void put(String code, Check check) {
    if (byCode.size() >= MAX && !byCode.containsKey(code)) {
      byCode.clear(); // crude but bounded: the codes in use come back on their next check
    }
    byCode.put(code, check);
  }

  /**
   * The check statement of a segment whose member ids {@code selectIds} selects. It returns the
   * definitions' version and whether the user (the last parameter: an id, or an email matched like
   * a login) is a member, in one snapshot.
   */
  public static Check compile(long version, SqlFragment selectIds) {
    return new Check(
        version,
        statement(selectIds, new SqlFragment().text("?")),
        statement(
            selectIds,
            new SqlFragment().text("(select u.id from users u where lower(u.email) = lower(?))")));
  }

  private static SqlFragment statement(SqlFragment selectIds, SqlFragment user) {
    return new SqlFragment()
        .text("select v.version, exists (select 1 from (")
        .append(selectIds)
        .text(") m where m.id = ")
        .append(user)
        .text(") from segment_definitions_version v");
  }
}
