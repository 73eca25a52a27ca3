package io.waymark.campaigns.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;

/**
 * Announces membership-cache changes to every server (this one included) on a JMS topic. Called
 * after commit, so it runs on its own: {@code @Asynchronous}, in a transaction of its own (DESIGN
 * §4: an after-commit observer must not use transactional resources itself). A lost announcement
 * costs staleness until the next build, never data.
 *
 * <p>Bodies are small text: {@code member <user id> <segment code>} (re-check that user) or {@code
 * campaigns} (re-read which segments active campaigns target).
 */
@Stateless
public class CampaignSegmentMessages {

  public static final String TOPIC = "java:app/jms/CampaignSegmentTopic";
  static final String CAMPAIGNS = "campaigns";
  static final String MEMBER = "member";

  @Inject JMSContext jms;

  @Resource(lookup = TOPIC)
  Topic topic;

  @Asynchronous
  public void memberChanged(String segmentCode, long userId) {
    jms.createProducer().send(topic, MEMBER + " " + userId + " " + segmentCode);
  }

  @Asynchronous
  public void campaignsChanged() {
    jms.createProducer().send(topic, CAMPAIGNS);
  }
}
