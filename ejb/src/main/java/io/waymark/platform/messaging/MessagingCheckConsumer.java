package io.waymark.platform.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Stamps a messaging check as received. Thin: unwrap, call the boundary, let failures redeliver.
 */
@JMSDestinationDefinition(
    name = MessagingChecks.QUEUE,
    interfaceName = "jakarta.jms.Queue",
    destinationName = "WaymarkMessagingCheck")
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = MessagingChecks.QUEUE),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue")
    })
public class MessagingCheckConsumer implements MessageListener {

  @Inject MessagingChecks checks;

  @Override
  public void onMessage(Message message) {
    try {
      checks.markReceived(message.getBody(Long.class));
    } catch (JMSException e) {
      throw new IllegalStateException("Unreadable messaging check message", e);
    }
  }
}
