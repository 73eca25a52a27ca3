package io.waymark.campaigns.boundary;

import io.waymark.platform.broadcast.Broadcast;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Announces membership-cache changes to every server (this one included) on the broadcast ({@link
 * Broadcast}: PostgreSQL NOTIFY, which crosses servers whatever their JMS set-up). Called after
 * commit, so it runs on its own: {@code @Asynchronous}, in a transaction of its own (DESIGN §4: an
 * after-commit observer must not use transactional resources itself); the message goes out when
 * that transaction commits. A lost announcement costs staleness until the next build, never data; a
 * server that was not listening rebuilds ({@link CampaignSegmentAnnouncements#missed}).
 *
 * <p>Bodies are small text: {@code member <user id> <segment code>} (re-check that user) or {@code
 * campaigns} (re-read which segments active campaigns target).
 */
@Stateless
public class CampaignSegmentMessages {

  /** The broadcast topic. */
  public static final String TOPIC = "campaigns.segments";

  static final String CAMPAIGNS = "campaigns";
  static final String MEMBER = "member";

  @Inject Broadcast broadcast;

  @Asynchronous
  public void memberChanged(String segmentCode, long userId) {
    broadcast.publish(TOPIC, MEMBER + " " + userId + " " + segmentCode);
  }

  @Asynchronous
  public void campaignsChanged() {
    broadcast.publish(TOPIC, CAMPAIGNS);
  }
}
