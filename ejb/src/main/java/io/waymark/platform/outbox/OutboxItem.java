package io.waymark.platform.outbox;

import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * A claimed item: what its channel stored, its sequence (null: none) and how many attempts it has
 * had (this one included). Receivers de-duplicate by {@code uniqueKey}: a delivery may be repeated
 * (a crash between sending and recording), always with the same key.
 */
public record OutboxItem(
    long id,
    String channel,
    String uniqueKey,
    String sequenceKey,
    JsonObject payload,
    int attempts,
    Instant createdAt) {}
