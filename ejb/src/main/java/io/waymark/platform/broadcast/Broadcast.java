package io.waymark.platform.broadcast;

import io.waymark.platform.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Publishes to every server (this one included), in the caller's transaction: PostgreSQL delivers a
 * {@code NOTIFY} at commit and drops it on rollback. {@link #publish} is a plain message (a lost
 * one is only noticed when the listener reconnects); {@link #changed} also moves the topic's
 * version row, so a server that missed the message notices at its next check.
 */
@ApplicationScoped
public class Broadcast {

  /** The PostgreSQL channel every message goes on. */
  public static final String CHANNEL = "waymark_broadcast";

  /** NOTIFY's payload limit is 8,000 bytes; topics and payloads stay well below. */
  static final int MAX_PAYLOAD = 7000;

  @Inject Jdbc jdbc;

  /** A message on the topic. */
  public void publish(String topic, String payload) {
    String message = message(topic, payload);
    jdbc.first("select pg_notify(?, ?)", rs -> 1, CHANNEL, message);
  }

  /**
   * Something the topic's receivers keep current changed: the topic's version moves (one row, so
   * for changes that are rare: definitions, revocations) and a message goes out.
   */
  public void changed(String topic) {
    message(topic, "");
    jdbc.first(
        """
        with moved as (
          insert into broadcast_versions (topic, version, changed_at) values (?, 1, now())
          on conflict (topic) do update set version = broadcast_versions.version + 1, changed_at = now()
          returning version)
        select pg_notify(?, ? || (select version from moved))""",
        rs -> 1,
        topic,
        CHANNEL,
        topic + "\n" + VERSION_MARK);
  }

  /** Marks a {@link #changed} message: its payload is this and the new version. */
  static final String VERSION_MARK = "\u0001version:";

  private static String message(String topic, String payload) {
    if (topic.isEmpty() || topic.length() > 100 || topic.contains("\n")) {
      throw new IllegalArgumentException("not a broadcast topic: " + topic);
    }
    String message = topic + "\n" + payload;
    if (message.length() > MAX_PAYLOAD) {
      throw new IllegalArgumentException("broadcast message too long on " + topic);
    }
    return message;
  }
}
