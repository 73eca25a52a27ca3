package io.waymark.platform.broadcast;

import io.waymark.platform.db.Jdbc;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Listens on {@link Broadcast#CHANNEL} on each server: one connection of the pool held for it, on a
 * managed thread, and every message handed to the receivers of its topic. A lost connection is
 * opened again (after 1 s, doubling to 30 s) and every receiver is then told it may have missed
 * messages. The versions check ({@link BroadcastVersions}) is the net for {@link Broadcast#changed}
 * messages. The JDBC driver's notification API is reached by reflection: the pool's driver classes
 * need not be the application's.
 */
@Startup
@Singleton
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class BroadcastListener {

  private static final System.Logger LOG = System.getLogger(BroadcastListener.class.getName());
  private static final int WAIT_MILLIS = 500;

  @Resource(lookup = "java:comp/DefaultDataSource")
  DataSource dataSource;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  @Inject @Any Instance<BroadcastReceiver> beans;

  @Inject BroadcastDeliveries deliveries;

  @Inject Jdbc jdbc;

  private final Map<String, BroadcastReceiver> receivers = new ConcurrentHashMap<>();
  private final Map<String, Long> seen = new ConcurrentHashMap<>();
  private volatile boolean stopping;
  private volatile boolean listening;
  private Thread thread;

  @PostConstruct
  void start() {
    for (BroadcastReceiver receiver : beans) {
      if (receivers.putIfAbsent(receiver.topic(), receiver) != null) {
        throw new IllegalStateException("Two broadcast receivers of topic " + receiver.topic());
      }
    }
    versions().forEach(seen::put);
    thread = threads.newThread(this::listen);
    thread.setName("waymark-broadcast");
    thread.start();
  }

  @PreDestroy
  void stop() {
    stopping = true;
    if (thread != null) {
      thread.interrupt();
    }
  }

  /** True while the listener's connection listens (for the health of the broadcast). */
  public boolean listening() {
    return listening;
  }

  /** The topics' versions in the database. */
  public Map<String, Long> versions() {
    Map<String, Long> versions = new ConcurrentHashMap<>();
    jdbc.list(
            "select topic, version from broadcast_versions",
            rs -> Map.entry(rs.getString(1), rs.getLong(2)))
        .forEach(e -> versions.put(e.getKey(), e.getValue()));
    return versions;
  }

  /** The net: a topic whose version moved past what this server saw has missed a message. */
  public int checkVersions() {
    int missed = 0;
    for (var version : versions().entrySet()) {
      Long known = seen.get(version.getKey());
      if (known == null || known < version.getValue()) {
        seen.put(version.getKey(), version.getValue());
        if (known != null) {
          receiver(version.getKey()).ifPresent(deliveries::missed);
          missed++;
        }
      }
    }
    return missed;
  }

  private void listen() {
    long backoff = 1000;
    boolean first = true;
    while (!stopping) {
      try (Connection c = dataSource.getConnection()) {
        Notifications notifications = Notifications.of(c);
        try (Statement s = c.createStatement()) {
          s.execute("listen " + Broadcast.CHANNEL);
        }
        listening = true;
        backoff = 1000;
        if (first) {
          LOG.log(Level.INFO, "Broadcast listener listening on {0}", Broadcast.CHANNEL);
        } else {
          LOG.log(Level.INFO, "Broadcast listener connected again; receivers rebuild");
          receivers.values().forEach(this::missed);
          versions().forEach(seen::put);
        }
        first = false;
        while (!stopping) {
          for (String[] message : notifications.next(WAIT_MILLIS)) {
            dispatch(message[0], message[1]);
          }
        }
      } catch (Exception e) {
        listening = false;
        if (stopping) {
          break;
        }
        LOG.log(
            Level.WARNING,
            "Broadcast listener lost its connection ({0}); trying again in {1} ms",
            e.toString(),
            backoff);
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          break;
        }
        backoff = Math.min(backoff * 2, 30_000);
      }
    }
    listening = false;
  }

  private void dispatch(String channel, String message) {
    if (!Broadcast.CHANNEL.equals(channel) || message == null) {
      return;
    }
    int newline = message.indexOf('\n');
    if (newline < 0) {
      return;
    }
    String topic = message.substring(0, newline);
    String payload = message.substring(newline + 1);
    if (payload.startsWith(Broadcast.VERSION_MARK)) {
      try {
        long version = Long.parseLong(payload.substring(Broadcast.VERSION_MARK.length()));
        seen.merge(topic, version, Math::max);
      } catch (NumberFormatException e) {
        // a version this server cannot read: the check compares with the table
      }
      payload = "";
    }
    String body = payload;
    receiver(topic)
        .ifPresent(
            r -> {
              try {
                deliveries.received(r, body);
              } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Broadcast receiver of " + topic + " failed", e);
              }
            });
  }

  private void missed(BroadcastReceiver receiver) {
    try {
      deliveries.missed(receiver);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Broadcast receiver of " + receiver.topic() + " failed", e);
    }
  }

  private Optional<BroadcastReceiver> receiver(String topic) {
    return Optional.ofNullable(receivers.get(topic));
  }

  /** PostgreSQL's {@code PGConnection.getNotifications(int)}, found by reflection. */
  private record Notifications(Object connection, Method next, Method name, Method parameter) {

    static Notifications of(Connection c) throws Exception {
      for (ClassLoader loader :
          List.of(
              Thread.currentThread().getContextClassLoader(),
              BroadcastListener.class.getClassLoader(),
              c.getClass().getClassLoader())) {
        try {
          Class<?> pg = Class.forName("org.postgresql.PGConnection", false, loader);
          if (c.isWrapperFor(pg)) {
            return on(c.unwrap(pg), pg);
          }
        } catch (ClassNotFoundException | java.sql.SQLException e) {
          // not this loader's
        }
      }
      // WildFly: the wrapper does not unwrap to another loader's interface; its underlying
      // connection implements the driver's own
      Method underlying = publicMethod(c.getClass(), "getUnderlyingConnection");
      if (underlying != null) {
        Object physical = underlying.invoke(c);
        Class<?> pg = interfaceNamed(physical.getClass(), "org.postgresql.PGConnection");
        if (pg != null) {
          return on(physical, pg);
        }
      }
      throw new IllegalStateException("the pool's connection is no PostgreSQL connection");
    }

    /**
     * The notification API of {@code connection}, a {@code PGConnection} of {@code pg}'s driver.
     */
    private static Notifications on(Object connection, Class<?> pg) throws Exception {
      Class<?> note = Class.forName("org.postgresql.PGNotification", false, pg.getClassLoader());
      return new Notifications(
          connection,
          pg.getMethod("getNotifications", int.class),
          note.getMethod("getName"),
          note.getMethod("getParameter"));
    }

    private static Method publicMethod(Class<?> type, String name) {
      try {
        return type.getMethod(name);
      } catch (NoSuchMethodException e) {
        return null;
      }
    }

    private static Class<?> interfaceNamed(Class<?> type, String name) {
      for (Class<?> t = type; t != null; t = t.getSuperclass()) {
        for (Class<?> i : t.getInterfaces()) {
          if (i.getName().equals(name)) {
            return i;
          }
          Class<?> inherited = interfaceNamed(i, name);
          if (inherited != null) {
            return inherited;
          }
        }
      }
      return null;
    }

    /** The messages that arrived, waiting up to {@code millis} for one: [channel, payload]. */
    List<String[]> next(int millis) throws Exception {
      Object array = next.invoke(connection, millis);
      if (array == null) {
        return List.of();
      }
      int n = Array.getLength(array);
      String[][] messages = new String[n][];
      for (int i = 0; i < n; i++) {
        Object note = Array.get(array, i);
        messages[i] = new String[] {(String) name.invoke(note), (String) parameter.invoke(note)};
      }
      return List.of(messages);
    }
  }
}
