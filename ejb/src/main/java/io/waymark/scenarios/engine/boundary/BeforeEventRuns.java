package io.waymark.scenarios.engine.boundary;

import io.waymark.scenarios.engine.control.BeforeEvents;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Each claimed before-event row fires, and each fill batch runs, in a transaction of its own: a
 * failure rolls back that one only (and is counted by the due-work dispatcher).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class BeforeEventRuns {

  @Inject BeforeEvents beforeEvents;

  public void fire(long id) {
    beforeEvents.fire(id);
  }

  public void fill(long id) {
    beforeEvents.fill(id);
  }
}
