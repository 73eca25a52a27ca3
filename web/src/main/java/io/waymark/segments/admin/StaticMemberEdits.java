package io.waymark.segments.admin;

import io.waymark.platform.admin.ConsoleUser;
import io.waymark.platform.admin.Messages;
import io.waymark.platform.error.WaymarkException;
import io.waymark.platform.plugins.Source;
import io.waymark.segments.boundary.StaticMembers;
import io.waymark.users.boundary.Users;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Adds users to a static segment, or removes them, from its page (editors and admins): user ids or
 * emails, separated by spaces, commas or lines, at most {@value StaticMembers#MAX} at a time. An
 * email no user has changes nothing and is named, as an unknown id does when adding; removing an id
 * that is not a member counts it as "not a member".
 */
@Named
@RequestScoped
public class StaticMemberEdits {

  private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");
  private static final Pattern ID = Pattern.compile("\\d{1,18}");

  @Inject StaticMembers members;

  @Inject Users accounts;

  @Inject ConsoleUser console;

  private String users;

  /** {@code code}: the page's segment. */
  public String add(String code) {
    return change(code, true);
  }

  public String remove(String code) {
    return change(code, false);
  }

  /** Shows the page again (after a redirect) with what happened, done or not. */
  private String change(String code, boolean add) {
    if (!console.mayEdit() || code == null) {
      return null;
    }
    apply(code.strip(), add);
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    return "/admin/segments/detail.xhtml?faces-redirect=true&code="
        + URLEncoder.encode(code.strip(), StandardCharsets.UTF_8);
  }

  private void apply(String code, boolean add) {
    if (users != null && SEPARATORS.split(users.strip()).length > StaticMembers.MAX) {
      Messages.error("At most " + StaticMembers.MAX + " users at a time; nothing was changed.");
      return;
    }
    List<String> unknown = new ArrayList<>();
    Set<Long> ids = ids(unknown);
    if (!unknown.isEmpty()) {
      Messages.error("No such users: " + String.join(", ", unknown) + ". Nothing was changed.");
    } else if (ids.isEmpty()) {
      Messages.error("Give user ids or emails.");
    } else {
      try {
        StaticMembers.Result result =
            add
                ? members.add(code, ids, Source.CONSOLE)
                : members.remove(code, ids, Source.CONSOLE);
        Messages.info(
            add
                ? result.changed() + " added, " + result.unchanged() + " already members."
                : result.changed() + " removed, " + result.unchanged() + " were not members.");
      } catch (WaymarkException e) {
        Messages.error(e, Map.of("user_ids", "Users"));
      }
    }
  }

  /** The typed users' ids; what names no user goes to {@code unknown}. */
  private Set<Long> ids(List<String> unknown) {
    Set<Long> ids = new LinkedHashSet<>();
    if (users == null) {
      return ids;
    }
    for (String token : SEPARATORS.split(users.strip())) {
      if (token.isEmpty()) {
        continue;
      }
      if (ID.matcher(token).matches()) {
        ids.add(Long.parseLong(token));
      } else {
        accounts.idByEmail(token).ifPresentOrElse(ids::add, () -> unknown.add(token));
      }
    }
    return ids;
  }

  public String getUsers() {
    return users;
  }

  public void setUsers(String users) {
    this.users = users;
  }
}
