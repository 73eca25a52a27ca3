/**
 * Messages to every server on the database (DESIGN §4a): PostgreSQL {@code LISTEN/NOTIFY}, with a
 * version row per topic as the net. Two Payara domains each run their own embedded broker, so a JMS
 * topic never crosses them; the database they share does. {@link
 * io.waymark.platform.broadcast.Broadcast} publishes in the caller's transaction (delivered at
 * commit, not at all on rollback); {@link io.waymark.platform.broadcast.BroadcastListener} receives
 * on each server and hands each message to the {@link
 * io.waymark.platform.broadcast.BroadcastReceiver} of its topic.
 */
package io.waymark.platform.broadcast;
