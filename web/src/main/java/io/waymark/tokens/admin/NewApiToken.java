package io.waymark.tokens.admin;

import io.waymark.platform.admin.ConsoleUser;
import io.waymark.platform.admin.Messages;
import io.waymark.platform.error.WaymarkException;
import io.waymark.tokens.boundary.ApiTokenChange;
import io.waymark.tokens.boundary.ApiTokens;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Creating an API token (admins only). The secret exists only in this view: it is shown once in the
 * answer to the create request and dropped when the admin dismisses it or leaves the page (no
 * redirect, no flash scope, so it is never stored in the session beyond the view; console pages are
 * sent with {@code Cache-Control: no-store}).
 */
@Named
@ViewScoped
public class NewApiToken implements Serializable {

  private static final long serialVersionUID = 1L;
  static final Map<String, String> LABELS =
      Map.of("name", "Name", "ip_restrictions", "IP restrictions", "resources", "Resources");

  @Inject ApiTokens tokens;

  @Inject ApiResourceChoices choices;

  @Inject ConsoleUser console;

  @Inject ApiTokenList list;

  private String name;
  private String ipRestrictions = "*";
  private List<String> resources = new ArrayList<>();
  private String secret;
  private Long createdId;
  private String createdName;

  public void create() {
    secret = null;
    if (!console.mayAdminister()) {
      return;
    }
    try {
      ApiTokens.Created created =
          tokens.create(
              new ApiTokenChange(name, true, ipRestrictions, List.copyOf(resources)),
              choices.names());
      secret = created.secret();
      createdId = created.token().id();
      createdName = created.token().name();
      name = null;
      ipRestrictions = "*";
      resources = new ArrayList<>();
      list.load();
      Messages.info(
          "API token '" + createdName + "' created. Copy its secret now: it is shown only once.");
    } catch (WaymarkException e) {
      Messages.error(e, LABELS);
    }
  }

  /** Forgets the secret once the admin has copied it. */
  public void dismiss() {
    secret = null;
  }

  public String getSecret() {
    return secret;
  }

  public Long getCreatedId() {
    return createdId;
  }

  public String getCreatedName() {
    return createdName;
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
