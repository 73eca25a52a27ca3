package io.waymark.tokens.admin;

import io.waymark.platform.admin.KeysetList;
import io.waymark.tokens.boundary.ApiTokenView;
import io.waymark.tokens.boundary.ApiTokens;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The API tokens list, keyset-paged by id (GET parameters {@code after}, {@code before}); reloaded
 * after a create.
 */
@Named
@ViewScoped
public class ApiTokenList extends KeysetList<ApiTokenView> {

  private static final long serialVersionUID = 1L;

  @Inject ApiTokens tokens;

  @Override
  protected List<ApiTokenView> rowsAfter(Long afterId, int limit) {
    return tokens.page(afterId, limit);
  }

  @Override
  protected List<ApiTokenView> rowsBefore(long beforeId, int limit) {
    return tokens.pageBefore(beforeId, limit);
  }

  @Override
  protected long id(ApiTokenView row) {
    return row.id();
  }
}
