package io.waymark.platform.admin;

/**
 * The console's security roles as constants (annotations need them); they are the ids of {@code
 * io.waymark.users.boundary.Role} (checked by a unit test).
 */
public final class ConsoleRoles {

  public static final String ADMIN = "admin";
  public static final String EDITOR = "editor";
  public static final String VIEWER = "viewer";

  private ConsoleRoles() {}
}
