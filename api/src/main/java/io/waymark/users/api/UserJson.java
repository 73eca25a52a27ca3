package io.waymark.users.api;

import io.waymark.platform.api.Json;
import io.waymark.users.boundary.UserView;

/** The user JSON of the wire contract. */
public final class UserJson {

  private UserJson() {}

  public static Json.Obj of(UserView u) {
    return Json.object()
        .put("id", u.id())
        .put("uuid", u.uuid().toString())
        .put("email", u.email())
        .put("public_name", u.publicName())
        .put("first_name", u.firstName())
        .put("last_name", u.lastName())
        .put("active", u.active())
        .put("created_at", u.createdAt())
        .put("confirmed_at", u.confirmedAt())
        .put("locale", u.locale())
        .put("timezone", u.timezone())
        .put("roles", u.roles())
        .put("fields", u.fields());
  }
}
