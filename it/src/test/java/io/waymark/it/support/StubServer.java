package io.waymark.it.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The one HTTP server that stands in for every system Waymark calls out to (REMP Campaign, scenario
 * webhooks, and the SMS gateway and integrations to come): one port for the whole suite ({@code
 * it.stub.port}, which {@code it/pom.xml} derives from the HTTP port and hands to the instance
 * under test), receivers routed by path prefix. It starts on first use and lives as long as the
 * test JVM (its threads are daemons), so a receiver a test registers keeps answering calls that
 * arrive after the test, e.g. retries of the instance's outboxes.
 *
 * <p>Well-known prefixes, where the instance under test is configured to call: {@link #REMP}.
 * Anything else (webhook URLs, which the tests choose) takes a path from {@link #uniquePath}.
 */
public final class StubServer {

  public static final int PORT = Integer.getInteger("it.stub.port", 28099);

  /** Where {@code waymark.remp.campaign.url} points (see {@code it/pom.xml}). */
  public static final String REMP = "/remp";

  private static final Map<String, Receiver> RECEIVERS = new ConcurrentHashMap<>();
  private static HttpServer server;

  private StubServer() {}

  /**
   * The receiver at that path prefix, created on first use: every request whose path starts with it
   * reaches this receiver (the longest registered prefix wins, as in {@link HttpServer}).
   */
  public static Receiver receiver(String prefix) {
    if (!prefix.startsWith("/")) {
      throw new IllegalArgumentException("a path prefix starts with '/': " + prefix);
    }
    HttpServer running = started();
    return RECEIVERS.computeIfAbsent(
        prefix,
        p -> {
          Receiver receiver = new Receiver(p);
          running.createContext(p, receiver::handle);
          return receiver;
        });
  }

  /** A fresh path under the feature's prefix, e.g. {@code /webhooks/3f2c…}, for one test's data. */
  public static String uniquePath(String feature) {
    return "/" + feature + "/" + UUID.randomUUID();
  }

  /** The URL the instance under test calls for that path. */
  public static String url(String path) {
    return "http://127.0.0.1:" + PORT + path;
  }

  private static synchronized HttpServer started() {
    if (server == null) {
      try {
        HttpServer created = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 50);
        ExecutorService threads =
            Executors.newFixedThreadPool(
                8,
                task -> {
                  Thread thread = new Thread(task, "it-stub-server");
                  thread.setDaemon(true);
                  return thread;
                });
        created.setExecutor(threads);
        created.start();
        server = created;
      } catch (IOException e) {
        throw new UncheckedIOException("the stub server cannot listen on 127.0.0.1:" + PORT, e);
      }
    }
    return server;
  }
}
