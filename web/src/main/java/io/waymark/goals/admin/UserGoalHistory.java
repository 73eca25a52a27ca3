package io.waymark.goals.admin;

import io.waymark.goals.boundary.UserGoalView;
import io.waymark.goals.boundary.UserGoals;
import io.waymark.platform.admin.Messages;
import io.waymark.users.boundary.UserView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;

/**
 * A user's goal rows on the user's page, newest first, {@value #PAGE_SIZE} at a time: "Older"
 * continues below the last row shown (GET parameter {@code goals-before}, a row id), so nothing is
 * counted and pages are bookmarkable.
 */
@Named
@RequestScoped
public class UserGoalHistory {

  static final int PAGE_SIZE = 50;

  @Inject UserGoals userGoals;

  private String before;
  private List<UserGoalView> rows = List.of();
  private boolean hasOlder;

  /** Loads the rows of the page's user (nothing when the user was not found). */
  public void load(UserView user) {
    if (user == null) {
      return;
    }
    Long cursor = null;
    if (before != null && !before.isBlank()) {
      try {
        cursor = Long.parseLong(before.strip());
      } catch (NumberFormatException e) {
        Messages.error(
            "'" + before + "' is not a position in the goal history; showing the newest goals.");
      }
    }
    List<UserGoalView> page = new ArrayList<>(userGoals.forUser(user.id(), cursor, PAGE_SIZE + 1));
    hasOlder = page.size() > PAGE_SIZE;
    rows = hasOlder ? List.copyOf(page.subList(0, PAGE_SIZE)) : List.copyOf(page);
  }

  /** {@code active}, {@code completed}, {@code timed out}. */
  public String state(UserGoalView row) {
    return row.state().id().replace('_', ' ');
  }

  public List<UserGoalView> getRows() {
    return rows;
  }

  public boolean isHasOlder() {
    return hasOlder;
  }

  /** The id to continue below: the last row shown. */
  public Long getOlderCursor() {
    return rows.isEmpty() ? null : rows.get(rows.size() - 1).id();
  }

  public boolean isPaged() {
    return before != null && !before.isBlank();
  }

  public String getBefore() {
    return before;
  }

  public void setBefore(String before) {
    this.before = before;
  }
}
