package io.waymark.users.boundary;

import io.waymark.platform.plugins.Source;
import java.util.Map;

/**
 * Fields of a user changed (the trigger {@code user.changed}): each changed field by its API name
 * with its value before and after (a {@code String}, {@code Boolean}, {@code Instant} or null), and
 * where the write came from. Fired by the users store inside the writing transaction, only when
 * something changed.
 */
public record UserChanged(long userId, Map<String, Change> changes, Source source) {

  public record Change(Object before, Object after) {}

  public UserChanged {
    changes = Map.copyOf(changes);
  }
}
