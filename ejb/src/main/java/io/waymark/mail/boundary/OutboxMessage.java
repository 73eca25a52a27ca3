package io.waymark.mail.boundary;

import io.waymark.platform.outbox.OutboxEntry;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * One message of the outbox's {@code mail} channel as operators see it (the bodies are null in
 * lists, given when one message is shown); {@code status} {@code pending}, {@code sent}, {@code
 * stored} or {@code dead}.
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

  static OutboxMessage of(OutboxEntry e) {
    JsonObject p = e.payload();
    return new OutboxMessage(
        e.id(),
        p.getString("template_code", null),
        p.get("user_id") instanceof JsonNumber n ? n.longValue() : null,
        p.getString("recipient", ""),
        p.getString("subject", ""),
        p.getString("html_body", null),
        p.getString("text_body", null),
        "done".equals(e.state()) ? e.outcome() : e.state(),
        e.attempts(),
        e.createdAt(),
        e.dueAt(),
        e.finishedAt(),
        e.lastError());
  }
}
