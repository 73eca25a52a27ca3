package io.waymark.campaigns.admin;

import io.waymark.campaigns.boundary.CampaignView;
import io.waymark.campaigns.boundary.Campaigns;
import io.waymark.platform.admin.KeysetList;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The campaigns list, keyset-paged by id (GET parameters {@code after}, {@code before}). */
@Named
@RequestScoped
public class CampaignList extends KeysetList<CampaignView> {
  private static final long serialVersionUID = 1L;

  @Inject Campaigns campaigns;

  @Override
  protected List<CampaignView> rowsAfter(Long afterId, int limit) {
    return campaigns.page(afterId, limit);
  }

  @Override
  protected List<CampaignView> rowsBefore(long beforeId, int limit) {
    return campaigns.pageBefore(beforeId, limit);
  }

  @Override
  protected long id(CampaignView row) {
    return row.id();
  }
}
