package io.waymark.mail.admin;

import io.waymark.mail.boundary.EmailTemplates;
import io.waymark.mail.boundary.TemplateView;
import io.waymark.platform.admin.KeysetList;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The email templates list, keyset-paged by id (GET parameters {@code after}, {@code before}). */
@Named
@RequestScoped
public class TemplateList extends KeysetList<TemplateView> {
  private static final long serialVersionUID = 1L;

  @Inject EmailTemplates templates;

  @Override
  protected List<TemplateView> rowsAfter(Long afterId, int limit) {
    return templates.page(afterId, limit);
  }

  @Override
  protected List<TemplateView> rowsBefore(long beforeId, int limit) {
    return templates.pageBefore(beforeId, limit);
  }

  @Override
  protected long id(TemplateView row) {
    return row.id();
  }
}
