/**
 * Tracked events: intake (single or batch, de-duplicated by client id), storage, and event-goal
 * completion.
 */
package io.waymark.events;
