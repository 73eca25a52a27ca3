package io.waymark.mail.boundary;

import io.waymark.mail.entity.OutboxRow;
import java.time.Instant;

/**
 * One outbox message as operators see it (the bodies are null in lists, given when one message is
 * shown).
 */
public record OutboxMessage(
    long id,
    String templateCode,
    Long userId,
    String recipient,
    String subject,
    String htmlBody,
    String textBody,
    String status,
    int attempts,
    Instant createdAt,
    Instant nextAttemptAt,
    Instant finishedAt,
    String lastError) {

  static OutboxMessage of(OutboxRow r) {
    return new OutboxMessage(
        r.id(),
        r.templateCode(),
        r.userId(),
        r.recipient(),
        r.subject(),
        r.htmlBody(),
        r.textBody(),
        r.status(),
        r.attempts(),
        r.createdAt(),
        r.nextAttemptAt(),
        r.finishedAt(),
        r.lastError());
  }
}
