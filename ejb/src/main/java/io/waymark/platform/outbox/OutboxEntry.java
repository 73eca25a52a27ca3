package io.waymark.platform.outbox;

import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * One item as operators see it: {@code state} {@code pending} | {@code done} | {@code dead}, {@code
 * outcome} the channel's word for a done item; the payload only when one item is shown.
 */
public record OutboxEntry(
    long id,
    String channel,
    String uniqueKey,
    String sequenceKey,
    JsonObject payload,
    String state,
    String outcome,
    int attempts,
    Instant dueAt,
    Instant createdAt,
    Instant finishedAt,
    Integer lastStatus,
    String lastError) {}
