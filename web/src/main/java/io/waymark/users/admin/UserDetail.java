package io.waymark.users.admin;

import io.waymark.platform.admin.ConsoleUser;
import io.waymark.platform.admin.Messages;
import io.waymark.platform.error.WaymarkException;
import io.waymark.users.boundary.Role;
import io.waymark.users.boundary.UserView;
import io.waymark.users.boundary.Users;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One user: every field and the console roles. Admins change the roles and the active flag (one
 * transaction); an admin cannot take away their own admin role or deactivate themselves, so the
 * console never locks out the person using it.
 */
@Named
@ViewScoped
public class UserDetail implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Users users;

  @Inject ConsoleUser console;

  private String id;
  private UserView user;
  private List<String> roles = new ArrayList<>();
  private boolean active;

  public void load() {
    try {
      show(users.find(Long.parseLong(id == null ? "" : id.strip())));
    } catch (NumberFormatException | WaymarkException e) {
      user = null;
      Messages.error("User with ID '" + id + "' not found.");
    }
  }

  public void save() {
    if (user == null || !console.mayAdminister()) {
      return;
    }
    boolean self = console.getName() != null && console.getName().equalsIgnoreCase(user.email());
    if (self && (!roles.contains(Role.ADMIN.id()) || !active)) {
      Messages.error(
          "You cannot remove your own admin role or deactivate yourself; ask another admin. Nothing was changed.");
      return;
    }
    List<Role> chosen = new ArrayList<>();
    for (String role : roles) {
      chosen.add(Role.valueOf(role.toUpperCase(Locale.ROOT)));
    }
    try {
      show(users.changeAccess(user.id(), chosen, active));
      Messages.info(
          "Saved: "
              + (user.roles().isEmpty()
                  ? "no console roles"
                  : "roles " + String.join(", ", user.roles()))
              + ", "
              + (user.active() ? "active" : "inactive")
              + ".");
    } catch (WaymarkException e) {
      Messages.error(e, Map.of());
    }
  }

  private void show(UserView view) {
    user = view;
    roles = new ArrayList<>(view.roles());
    active = view.active();
  }

  /** The role checkboxes' values, strongest first. */
  public List<String> getRoleOptions() {
    return Arrays.stream(Role.values()).map(Role::id).toList();
  }

  public UserView getUser() {
    return user;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public List<String> getRoles() {
    return roles;
  }

  public void setRoles(List<String> roles) {
    this.roles = roles == null ? new ArrayList<>() : new ArrayList<>(roles);
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }
}
