/**
 * The one outbox (DESIGN §4a, ADR 0019): every side effect that must not be lost — mail, webhooks,
 * REMP calls, later SMS and integration pushes — is an {@link io.waymark.platform.outbox.Outbox}
 * item written in the causing transaction under a unique key, handed off right after commit and
 * delivered by its {@link io.waymark.platform.outbox.OutboxChannel}; one sweep retries what the
 * hand-off missed (lease, backoff, attempt cap, {@code dead}) and one purges what is finished.
 */
package io.waymark.platform.outbox;
