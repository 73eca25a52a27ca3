/**
 * External sync: pushes goal-segment membership to an external REMP Campaign (add-user /
 * remove-user) as items of the {@code remp} outbox channel, written with the goal change and
 * delivered right after commit, the outbox's sweep retrying (ADR 0019). Off unless a URL is
 * configured.
 */
package io.waymark.externalsync;
