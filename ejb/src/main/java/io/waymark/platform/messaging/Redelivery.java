package io.waymark.platform.messaging;

import jakarta.jms.JMSException;
import jakarta.jms.Message;

/**
 * JMS is a hand-off, never the record (DESIGN §4a): the database row a message points at is the
 * truth, and a message that keeps failing is given up by the consumer itself at {@link #CAP}
 * deliveries — the row then stays as it was (a scenario job's lease brings it back to the
 * dispatcher) — instead of going to a broker's dead-letter queue, which OpenMQ and Artemis name,
 * size and expire differently. Counted with {@code JMSXDeliveryCount}, which both brokers set.
 */
public final class Redelivery {

  /** Deliveries of one message after which its consumer gives it up. */
  public static final int CAP = 5;

  private Redelivery() {}

  /** The message's delivery count (1 the first time); 1 when the broker does not say. */
  public static int count(Message message) {
    try {
      return message.propertyExists("JMSXDeliveryCount")
          ? message.getIntProperty("JMSXDeliveryCount")
          : 1;
    } catch (JMSException | NumberFormatException e) {
      return 1;
    }
  }

  /** True when this delivery is the last the consumer may ask the broker for. */
  public static boolean last(Message message) {
    return count(message) >= CAP;
  }
}
