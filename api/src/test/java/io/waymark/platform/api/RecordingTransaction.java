package io.waymark.platform.api;

import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;

/**
 * The container's UserTransaction as the filter sees it after a request: in a given state, counting
 * rollbacks. {@code broken} stands for a server whose transaction service cannot answer.
 */
final class RecordingTransaction implements UserTransaction {

  private int status;
  private final boolean broken;
  int rollbacks;

  private RecordingTransaction(int status, boolean broken) {
    this.status = status;
    this.broken = broken;
  }

  static RecordingTransaction in(int status) {
    return new RecordingTransaction(status, false);
  }

  static RecordingTransaction broken() {
    return new RecordingTransaction(Status.STATUS_NO_TRANSACTION, true);
  }

  @Override
  public int getStatus() throws SystemException {
    if (broken) {
      throw new SystemException("transaction service unavailable");
    }
    return status;
  }

  @Override
  public void rollback() {
    rollbacks++;
    status = Status.STATUS_NO_TRANSACTION;
  }

  @Override
  public void begin() {
    throw new UnsupportedOperationException("the filter never begins a transaction");
  }

  @Override
  public void commit() {
    throw new UnsupportedOperationException("the filter never commits");
  }

  @Override
  public void setRollbackOnly() {
    throw new UnsupportedOperationException("the filter never marks rollback-only");
  }

  @Override
  public void setTransactionTimeout(int seconds) {
    throw new UnsupportedOperationException("the filter never sets a timeout");
  }
}
