package io.waymark.tokens.admin;

import io.waymark.platform.admin.ConsoleUser;
import io.waymark.platform.admin.Messages;
import io.waymark.platform.error.WaymarkException;
import io.waymark.tokens.boundary.ApiTokenChange;
import io.waymark.tokens.boundary.ApiTokenView;
import io.waymark.tokens.boundary.ApiTokens;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One API token: admins rename it, edit its IP restrictions, grant and revoke resources, activate
 * and deactivate it. The bootstrap token (configured by {@code waymark.bootstrap.api-token},
 * reaches every resource) is shown read-only: the next start would undo any change made here.
 */
@Named
@ViewScoped
public class ApiTokenDetail implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject ApiTokens tokens;

  @Inject ApiResourceChoices choices;

  @Inject ConsoleUser console;

  private String id;
  private ApiTokenView token;
  private String name;
  private String ipRestrictions;
  private List<String> resources = new ArrayList<>();

  public void load() {
    try {
      show(tokens.find(Long.parseLong(id == null ? "" : id.strip())));
    } catch (NumberFormatException | WaymarkException e) {
      token = null;
      Messages.error("API token '" + id + "' not found.");
    }
  }

  public void save() {
    if (!mayChange()) {
      return;
    }
    if (name == null || name.isBlank()) {
      Messages.error("Name: is required. Nothing was changed.");
      return;
    }
    change(
        new ApiTokenChange(
            name, null, ipRestrictions == null ? "" : ipRestrictions, List.copyOf(resources)),
        "Saved.");
  }

  public void toggleActive() {
    if (mayChange()) {
      boolean activate = !token.active();
      change(
          new ApiTokenChange(null, activate, null, null),
          activate ? "Activated." : "Deactivated: requests with this token are refused.");
    }
  }

  public boolean isEditable() {
    return token != null && !token.allResources() && console.isAdmin();
  }

  private boolean mayChange() {
    if (token == null || !console.mayAdminister()) {
      return false;
    }
    if (token.allResources()) {
      Messages.error(
          "The bootstrap token is configured by waymark.bootstrap.api-token and cannot be changed here.");
      return false;
    }
    return true;
  }

  private void change(ApiTokenChange change, String done) {
    try {
      show(tokens.update(token.id(), change, choices.names()));
      Messages.info(done);
    } catch (WaymarkException e) {
      Messages.error(e, NewApiToken.LABELS);
    }
  }

  private void show(ApiTokenView view) {
    token = view;
    name = view.name();
    ipRestrictions = view.ipRestrictions();
    resources = new ArrayList<>(view.resources());
  }

  public ApiTokenView getToken() {
    return token;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getIpRestrictions() {
    return ipRestrictions;
  }

  public void setIpRestrictions(String ipRestrictions) {
    this.ipRestrictions = ipRestrictions;
  }

  public List<String> getResources() {
    return resources;
  }

  public void setResources(List<String> resources) {
    this.resources = resources == null ? new ArrayList<>() : new ArrayList<>(resources);
  }
}
