package io.waymark.tokens.admin;

import io.waymark.platform.admin.KeysetPage;
import io.waymark.platform.admin.Messages;
import io.waymark.tokens.boundary.ApiTokenView;
import io.waymark.tokens.boundary.ApiTokens;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The API tokens list, keyset-paged by id (GET parameters {@code after}, {@code before}); reloaded after a create. */
@Named
@ViewScoped
public class ApiTokenList implements Serializable {

  private static final long serialVersionUID = 1L;
  static final int PAGE_SIZE = 25;

  @Inject
  ApiTokens tokens;

  private String after;
  private String before;
  private KeysetPage<ApiTokenView> page;

  public void load() {
    page = KeysetPage.load(after, before, PAGE_SIZE, new KeysetPage.Source<>() {
      @Override
      public List<ApiTokenView> after(Long afterId, int limit) {
        return tokens.page(afterId, limit);
      }

      @Override
      public List<ApiTokenView> before(long beforeId, int limit) {
        return tokens.pageBefore(beforeId, limit);
      }
    }, ApiTokenView::id);
    if (page.getProblem() != null) {
      Messages.error(page.getProblem());
    }
  }

  public KeysetPage<ApiTokenView> getPage() {
    return page;
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
