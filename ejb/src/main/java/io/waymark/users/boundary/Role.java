package io.waymark.users.boundary;

import java.util.Locale;

/** Admin-console roles: admins manage everything, editors change content, viewers only look. */
public enum Role {
  ADMIN,
  EDITOR,
  VIEWER;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
