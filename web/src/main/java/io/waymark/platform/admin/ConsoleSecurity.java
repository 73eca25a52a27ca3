package io.waymark.platform.admin;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The console's security roles and its two entry pages. Sign-in is {@link ConsoleAuthentication}
 * (Jakarta Security, a JSF login page, the identity store checks the users table); protected pages
 * redirect (not forward) to the login page, so the browser's address bar always shows where the
 * user is. The constraints themselves are in {@code web.xml} ({@code /admin/*}).
 */
@ApplicationScoped
@DeclareRoles({ConsoleRoles.ADMIN, ConsoleRoles.EDITOR, ConsoleRoles.VIEWER})
public class ConsoleSecurity {

  public static final String LOGIN_PAGE = "/login.xhtml";
  public static final String HOME_PAGE = "/admin/index.xhtml";
}
