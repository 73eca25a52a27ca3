package io.waymark.platform.broadcast;

/**
 * What a feature keeps current from a topic, on every server (a CDI bean per topic). Both methods
 * run on the server's listener, one message after the other, in a transaction of their own; they
 * must be quick and safe to repeat (a server also receives its own messages).
 */
public interface BroadcastReceiver {

  /** The topic: {@code feature.what}, at most 100 characters, no newline. */
  String topic();

  /** A message: the payload as published ({@code ""} for {@link Broadcast#changed}). */
  void received(String payload);

  /**
   * Messages may have been missed (the server was not listening for a while, or the version row
   * moved without a message arriving): rebuild what the topic keeps current.
   */
  void missed();
}
