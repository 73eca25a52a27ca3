package io.waymark.mail.entity;

import java.time.Instant;

/** One outbox message as operators see it (the bodies only when one message is shown). */
public record OutboxRow(
    long id,
    String uniqueKey,
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
    String lastError) {}
