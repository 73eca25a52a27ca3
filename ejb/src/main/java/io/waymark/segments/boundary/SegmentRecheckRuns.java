package io.waymark.segments.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** Each due re-check in a transaction of its own (a failure is counted by the dispatcher). */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SegmentRecheckRuns {

  @Inject MembershipRechecks rechecks;

  public void run(long id) {
    rechecks.recheckDue(id);
  }
}
