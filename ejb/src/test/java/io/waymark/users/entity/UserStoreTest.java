package io.waymark.users.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.users.boundary.UserChanged.Change;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserStoreTest {

  @Test
  void theChangesAreTheFieldsThatDifferWithTheirValuesBeforeAndAfter() {
    User user = new User("ann@example.com", Instant.parse("2026-01-01T00:00:00Z"));
    user.setFirstName("Ann");
    user.setLocale("en");
    Instant confirmed = Instant.parse("2026-12-01T10:00:00Z");
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("first_name", "Anna");
    values.put("locale", "en");
    values.put("last_name", null);
    values.put("confirmed_at", confirmed);
    values.put("active", false);
    assertThat(UserStore.changes(user, values))
        .containsExactly(
            Map.entry("first_name", new Change("Ann", "Anna")),
            Map.entry("confirmed_at", new Change(null, confirmed)),
            Map.entry("active", new Change(true, false)));
    // nothing is written by computing them
    assertThat(user.getFirstName()).isEqualTo("Ann");
  }

  @Test
  void onlyStandardFieldsAreFields() {
    assertThat(UserStore.fields())
        .containsExactlyInAnyOrder(
            "email",
            "first_name",
            "last_name",
            "public_name",
            "locale",
            "timezone",
            "active",
            "confirmed_at");
    assertThatThrownBy(
            () -> UserStore.changes(new User("a@b.c", Instant.now()), Map.of("roles", "x")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
