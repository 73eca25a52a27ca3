package io.waymark.platform.broadcast;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/** Hands one message to its receiver in a transaction of its own. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class BroadcastDeliveries {

  public void received(BroadcastReceiver receiver, String payload) {
    receiver.received(payload);
  }

  public void missed(BroadcastReceiver receiver) {
    receiver.missed();
  }
}
