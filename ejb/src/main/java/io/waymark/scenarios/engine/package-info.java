/**
 * The scenario engine: jobs, dispatcher and queue, triggers, elements, goal wake-ups, webhook
 * outbox, statistics.
 */
package io.waymark.scenarios.engine;
