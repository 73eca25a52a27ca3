package io.waymark.users.admin;

import io.waymark.platform.admin.KeysetList;
import io.waymark.users.boundary.UserView;
import io.waymark.users.boundary.Users;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The users list: search by email prefix, keyset paging by id (GET parameters {@code email}, {@code
 * after}, {@code before}).
 */
@Named
@RequestScoped
public class UserList extends KeysetList<UserView> {
  private static final long serialVersionUID = 1L;

  @Inject Users users;

  private String email;

  private String prefix() {
    return email == null || email.isBlank() ? null : email.strip();
  }

  @Override
  protected List<UserView> rowsAfter(Long afterId, int limit) {
    return users.page(afterId, limit, prefix());
  }

  @Override
  protected List<UserView> rowsBefore(long beforeId, int limit) {
    return users.pageBefore(beforeId, limit, prefix());
  }

  @Override
  protected long id(UserView row) {
    return row.id();
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }
}
