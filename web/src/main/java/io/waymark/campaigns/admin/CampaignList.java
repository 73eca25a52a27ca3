package io.waymark.campaigns.admin;

import io.waymark.campaigns.boundary.CampaignView;
import io.waymark.campaigns.boundary.Campaigns;
import io.waymark.platform.admin.KeysetPage;
import io.waymark.platform.admin.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The campaigns list, keyset-paged by id (GET parameters {@code after}, {@code before}). */
@Named
@RequestScoped
public class CampaignList {

  static final int PAGE_SIZE = 25;

  @Inject
  Campaigns campaigns;

  private String after;
  private String before;
  private KeysetPage<CampaignView> page;

  public void load() {
    page = KeysetPage.load(after, before, PAGE_SIZE, new KeysetPage.Source<>() {
      @Override
      public List<CampaignView> after(Long afterId, int limit) {
        return campaigns.page(afterId, limit);
      }

      @Override
      public List<CampaignView> before(long beforeId, int limit) {
        return campaigns.pageBefore(beforeId, limit);
      }
    }, CampaignView::id);
    if (page.getProblem() != null) {
      Messages.error(page.getProblem());
    }
  }

  public KeysetPage<CampaignView> getPage() {
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
