package io.waymark.campaigns.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.lang.System.Logger.Level;

/**
 * Applies membership-cache announcements on every server (a non-durable topic subscription per
 * server). Thin: unwrap, call the boundary, let failures redeliver. Receiving its own server's
 * announcements is harmless: a member announcement re-reads the user's membership from the
 * database, a campaigns announcement builds only what is missing.
 */
@JMSDestinationDefinition(
    name = CampaignSegmentMessages.TOPIC,
    interfaceName = "jakarta.jms.Topic",
    destinationName = "WaymarkCampaignSegments")
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = CampaignSegmentMessages.TOPIC),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Topic")
    })
public class CampaignSegmentConsumer implements MessageListener {

  private static final System.Logger LOG =
      System.getLogger(CampaignSegmentConsumer.class.getName());

  @Inject CampaignSegments segments;

  @Override
  public void onMessage(Message message) {
    String body;
    try {
      body = message.getBody(String.class);
    } catch (JMSException e) {
      throw new IllegalStateException("Unreadable campaign segment message", e);
    }
    if (CampaignSegmentMessages.CAMPAIGNS.equals(body)) {
      segments.reload();
      return;
    }
    String[] parts = body == null ? new String[0] : body.split(" ", 3);
    if (parts.length != 3
        || !CampaignSegmentMessages.MEMBER.equals(parts[0])
        || !parts[1].matches("\\d{1,18}")) {
      LOG.log(
          Level.WARNING,
          "Ignored an unknown campaign segment message: {0}",
          body); // redelivery would not help
      return;
    }
    segments.recheck(parts[2], Long.parseLong(parts[1]));
  }
}
