package io.waymark.goals.control;

import io.waymark.platform.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Goal code → id, remembered once found. Safe without invalidation, on every server of a cluster: a
 * goal's code never changes and goals are never deleted. Unknown codes are not remembered (a goal
 * may be created later).
 */
@ApplicationScoped
public class GoalIds {

  private static final int MAX_REMEMBERED = 100_000;

  private final ConcurrentMap<String, Long> ids = new ConcurrentHashMap<>();

  @Inject Jdbc jdbc;

  public Optional<Long> of(String code) {
    Long id = ids.get(code);
    if (id != null) {
      return Optional.of(id);
    }
    Optional<Long> found =
        jdbc.first("select id from onboarding_goals where code = ?", rs -> rs.getLong(1), code);
    if (found.isPresent() && ids.size() < MAX_REMEMBERED) {
      ids.put(code, found.get());
    }
    return found;
  }
}
