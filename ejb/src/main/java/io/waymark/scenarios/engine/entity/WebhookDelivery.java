package io.waymark.scenarios.engine.entity;

/** A claimed webhook call: the job id is its Idempotency-Key. */
public record WebhookDelivery(
    long id, long jobId, String url, String headers, String body, int attempts) {}
