package io.waymark.platform.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

/**
 * The signed-in console user as pages and backing beans see it. Pages use {@code canEdit} / {@code
 * admin} to hide what the user may not do; backing beans call {@link #mayEdit()} / {@link
 * #mayAdminister()} again before they change anything, because a hidden button is no protection.
 */
@Named
@RequestScoped
public class ConsoleUser {

  @Inject SecurityContext security;

  public String getName() {
    Principal caller = security.getCallerPrincipal();
    return caller == null ? null : caller.getName();
  }

  /** The user's roles, strongest first, e.g. {@code admin} or {@code editor, viewer}. */
  public List<String> getRoles() {
    List<String> roles = new ArrayList<>();
    for (String role : List.of(ConsoleRoles.ADMIN, ConsoleRoles.EDITOR, ConsoleRoles.VIEWER)) {
      if (security.isCallerInRole(role)) {
        roles.add(role);
      }
    }
    return roles;
  }

  public String getRoleLabel() {
    return String.join(", ", getRoles());
  }

  public boolean isAdmin() {
    return security.isCallerInRole(ConsoleRoles.ADMIN);
  }

  /** Admins and editors change content; viewers only look. */
  public boolean isCanEdit() {
    return isAdmin() || security.isCallerInRole(ConsoleRoles.EDITOR);
  }

  /**
   * Server-side check for content changes; adds an error message and answers false when not
   * allowed.
   */
  public boolean mayEdit() {
    return allowed(isCanEdit(), "Your role may only view this page; nothing was changed.");
  }

  /**
   * Server-side check for admin-only changes (roles, API tokens); adds an error message when not
   * allowed.
   */
  public boolean mayAdminister() {
    return allowed(isAdmin(), "Only admins may do this; nothing was changed.");
  }

  private static boolean allowed(boolean allowed, String message) {
    if (!allowed) {
      Messages.add(FacesMessage.SEVERITY_ERROR, message);
    }
    return allowed;
  }
}
