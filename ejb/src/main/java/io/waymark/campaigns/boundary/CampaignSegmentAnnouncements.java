package io.waymark.campaigns.boundary;

import io.waymark.platform.broadcast.BroadcastReceiver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;

/**
 * Applies membership-cache announcements ({@link CampaignSegmentMessages}) on every server. Thin:
 * unwrap, call the boundary. Receiving its own server's announcements is harmless: a member
 * announcement re-reads the user's membership from the database, a campaigns announcement builds
 * only what is missing. Announcements missed while not listening: a full rebuild.
 */
@ApplicationScoped
public class CampaignSegmentAnnouncements implements BroadcastReceiver {

  private static final System.Logger LOG =
      System.getLogger(CampaignSegmentAnnouncements.class.getName());

  @Inject CampaignSegments segments;

  @Override
  public String topic() {
    return CampaignSegmentMessages.TOPIC;
  }

  @Override
  public void received(String body) {
    if (CampaignSegmentMessages.CAMPAIGNS.equals(body)) {
      segments.reload();
      return;
    }
    String[] parts = body.split(" ", 3);
    if (parts.length != 3
        || !CampaignSegmentMessages.MEMBER.equals(parts[0])
        || !parts[1].matches("\\d{1,18}")) {
      LOG.log(Level.WARNING, "Ignored an unknown campaign segment announcement: {0}", body);
      return;
    }
    segments.recheck(parts[2], Long.parseLong(parts[1]));
  }

  @Override
  public void missed() {
    segments.refreshSoon();
  }
}
