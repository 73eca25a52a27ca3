package io.waymark.mail.entity;

import io.waymark.platform.db.Jdbc;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code user} variable of a template, read with one non-throwing query (a missing user is an
 * empty result, so a caller's transaction is never marked rollback-only by a lookup).
 */
@Dependent
public class MailUsers {

  @Inject Jdbc jdbc;

  /** The user's variables, if the user exists. */
  public Optional<Map<String, Object>> variables(long userId) {
    return Optional.ofNullable(variables(List.of(userId)).get(userId));
  }

  /**
   * {@code id, uuid, email, public_name, first_name, last_name, locale, timezone, created_at,
   * confirmed_at} of each of these users that exists, by id (one query).
   */
  public Map<Long, Map<String, Object>> variables(Collection<Long> userIds) {
    Map<Long, Map<String, Object>> found = new HashMap<>();
    jdbc.list(
        """
            select id, uuid, email, public_name, first_name, last_name, locale, timezone, created_at, confirmed_at
            from users where id = any(cast(? as bigint[]))""",
        rs -> {
          Map<String, Object> user = new LinkedHashMap<>();
          user.put("id", rs.getLong(1));
          user.put("uuid", rs.getString(2));
          user.put("email", rs.getString(3));
          user.put("public_name", rs.getString(4));
          user.put("first_name", rs.getString(5));
          user.put("last_name", rs.getString(6));
          user.put("locale", rs.getString(7));
          user.put("timezone", rs.getString(8));
          user.put("created_at", Jdbc.instant(rs, 9));
          user.put("confirmed_at", Jdbc.instant(rs, 10));
          return found.put(rs.getLong(1), user);
        },
        Jdbc.idArray(userIds));
    return found;
  }
}
