package io.waymark.users.boundary;

import io.waymark.users.entity.User;
import io.waymark.users.entity.UserStore;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What callers see of a user (never the password hash); {@code fields}: the custom fields' values.
 */
public record UserView(
    long id,
    UUID uuid,
    String email,
    String publicName,
    String firstName,
    String lastName,
    boolean active,
    Instant createdAt,
    Instant confirmedAt,
    String locale,
    String timezone,
    List<String> roles,
    JsonObject fields) {

  static UserView of(User u) {
    return new UserView(
        u.getId(),
        u.getUuid(),
        u.getEmail(),
        u.getPublicName(),
        u.getFirstName(),
        u.getLastName(),
        u.isActive(),
        u.getCreatedAt(),
        u.getConfirmedAt(),
        u.getLocale(),
        u.getTimezone(),
        List.copyOf(u.getRoles()),
        UserStore.fields(u));
  }
}
