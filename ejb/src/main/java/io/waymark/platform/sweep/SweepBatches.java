package io.waymark.platform.sweep;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/** Runs one batch of a sweep in its own transaction, or outside any for sweeps that own theirs. */
@Stateless
public class SweepBatches {

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int inNewTransaction(Sweep sweep) {
    return sweep.runBatch();
  }

  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public int withoutTransaction(Sweep sweep) {
    return sweep.runBatch();
  }
}
