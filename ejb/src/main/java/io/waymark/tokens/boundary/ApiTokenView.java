package io.waymark.tokens.boundary;

import io.waymark.tokens.entity.ApiToken;
import java.time.Instant;
import java.util.List;

/**
 * An API token as callers see it: never its secret. {@code allResources} marks the bootstrap token.
 */
public record ApiTokenView(
    long id,
    String name,
    boolean active,
    String ipRestrictions,
    List<String> resources,
    boolean allResources,
    Instant createdAt,
    Instant updatedAt) {

  static ApiTokenView of(ApiToken t) {
    return new ApiTokenView(
        t.getId(),
        t.getName(),
        t.isActive(),
        t.getIpRestrictions(),
        List.copyOf(t.getResources()),
        t.isAllResources(),
        t.getCreatedAt(),
        t.getUpdatedAt());
  }
}
