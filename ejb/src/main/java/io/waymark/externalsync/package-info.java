/**
 * External sync: pushes goal-segment membership to an external REMP Campaign (add-user /
 * remove-user) through an outbox written with the goal change and delivered by a timer with
 * retries. Off unless a URL is configured.
 */
package io.waymark.externalsync;
