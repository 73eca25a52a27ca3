package io.waymark.externalsync.boundary;

import java.time.Instant;
import java.util.List;

/**
 * The delivery state of the REMP outbox: rows still to deliver, rows given up on (the latest few
 * shown).
 */
public record SyncStatus(
    boolean enabled,
    long pending,
    Instant oldestPendingAt,
    long failed,
    List<Failure> latestFailures) {

  /** A call given up on after its last attempt. */
  public record Failure(
      long id,
      long userId,
      String segmentCode,
      String action,
      int attempts,
      String lastError,
      Instant failedAt) {}
}
