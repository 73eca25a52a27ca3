package io.waymark.users.admin;

import io.waymark.platform.admin.KeysetPage;
import io.waymark.platform.admin.Messages;
import io.waymark.users.boundary.UserView;
import io.waymark.users.boundary.Users;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The users list: search by email prefix, keyset paging by id (GET parameters {@code email}, {@code after}, {@code before}). */
@Named
@RequestScoped
public class UserList {

  static final int PAGE_SIZE = 25;

  @Inject
  Users users;

  private String email;
  private String after;
  private String before;
  private KeysetPage<UserView> page;

  public void load() {
    String prefix = email == null || email.isBlank() ? null : email.strip();
    page = KeysetPage.load(after, before, PAGE_SIZE, new KeysetPage.Source<>() {
      @Override
      public List<UserView> after(Long afterId, int limit) {
        return users.page(afterId, limit, prefix);
      }

      @Override
      public List<UserView> before(long beforeId, int limit) {
        return users.pageBefore(beforeId, limit, prefix);
      }
    }, UserView::id);
    if (page.getProblem() != null) {
      Messages.error(page.getProblem());
    }
  }

  public KeysetPage<UserView> getPage() {
    return page;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getAfter() {
    return after;
  }

  public void setAfter(String after) {
    this.after = after;
  }

  public String getBefore() {
    return before;
  }

  public void setBefore(String before) {
    this.before = before;
  }
}
