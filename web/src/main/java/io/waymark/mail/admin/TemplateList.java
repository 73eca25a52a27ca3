package io.waymark.mail.admin;

import io.waymark.mail.boundary.EmailTemplates;
import io.waymark.mail.boundary.TemplateView;
import io.waymark.platform.admin.KeysetPage;
import io.waymark.platform.admin.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The email templates list, keyset-paged by id (GET parameters {@code after}, {@code before}). */
@Named
@RequestScoped
public class TemplateList {

  static final int PAGE_SIZE = 25;

  @Inject
  EmailTemplates templates;

  private String after;
  private String before;
  private KeysetPage<TemplateView> page;

  public void load() {
    page = KeysetPage.load(after, before, PAGE_SIZE, new KeysetPage.Source<>() {
      @Override
      public List<TemplateView> after(Long afterId, int limit) {
        return templates.page(afterId, limit);
      }

      @Override
      public List<TemplateView> before(long beforeId, int limit) {
        return templates.pageBefore(beforeId, limit);
      }
    }, TemplateView::id);
    if (page.getProblem() != null) {
      Messages.error(page.getProblem());
    }
  }

  public KeysetPage<TemplateView> getPage() {
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
