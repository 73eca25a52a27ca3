package io.waymark.campaigns.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * After a campaign change commits: this server builds the segments now targeted (asynchronously;
 * banners ask the database until then), and every server is told to do the same.
 */
@ApplicationScoped
public class CampaignChangeFeed {

  @Inject CampaignSegments segments;

  @Inject CampaignSegmentMessages messages;

  void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) CampaignsChanged event) {
    segments.reload();
    messages.campaignsChanged();
  }
}
