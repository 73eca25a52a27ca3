package io.waymark.segments.control;

import io.waymark.platform.error.WaymarkException;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The connections raw-SQL segments run on: a small pool of the sandbox login's own ({@code
 * waymark.segments.sandbox.*}), not the server's pool and not {@code SET ROLE} (which the text
 * could undo). The login reads only the columns V18 grants, may call none of the functions the
 * database set-up locked (files, large objects, settings, sleeps, locks, other sessions), and every
 * session is read-only with {@code waymark.segments.raw-sql-timeout}. Before first use the login is
 * checked to be that; otherwise raw SQL is refused with the reason (422), never run as the
 * application.
 *
 * <p>An application-side pool rather than a second server pool: the same EAR needs no extra
 * resource on Payara or WildFly, and the URL defaults to the application's own database.
 */
@ApplicationScoped
public class SegmentSandbox {

  private static final System.Logger LOG = System.getLogger(SegmentSandbox.class.getName());

  /** Functions whose EXECUTE right proves the database was not locked down for the sandbox. */
  private static final String LOCKED =
      "'pg_read_file', 'pg_ls_dir', 'lo_import', 'lo_create', 'set_config', 'pg_sleep',"
          + " 'pg_advisory_lock', 'pg_terminate_backend', 'query_to_xml'";

  /** Runs with a sandbox connection. */
  @FunctionalInterface
  public interface Work<T> {
    T apply(Connection connection) throws SQLException;
  }

  @Resource(lookup = "java:comp/DefaultDataSource")
  DataSource application;

  @Inject
  @ConfigProperty(name = "waymark.segments.sandbox.url")
  Optional<String> url;

  @Inject
  @ConfigProperty(name = "waymark.segments.sandbox.user", defaultValue = "waymark_segments")
  String user;

  @Inject
  @ConfigProperty(name = "waymark.segments.sandbox.password")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "waymark.segments.sandbox.max-connections", defaultValue = "4")
  int maxConnections;

  @Inject
  @ConfigProperty(name = "waymark.segments.raw-sql-timeout", defaultValue = "PT30S")
  Duration timeout;

  private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
  private volatile Semaphore permits;
  private volatile PGSimpleDataSource source;

  /**
   * Runs {@code work} on a sandbox connection (at most {@code max-connections} at once; a caller
   * waits up to the timeout for one). Raw SQL that fails is a 422 naming the database's reason.
   */
  public <T> T run(Work<T> work) {
    PGSimpleDataSource ds = source();
    Semaphore gate = permits;
    try {
      if (!gate.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw refused("every sandbox connection is busy with other raw-SQL segments");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw refused("interrupted while waiting for a sandbox connection");
    }
    Connection c = null;
    boolean healthy = false;
    try {
      c = idle.pollFirst();
      if (c == null || c.isClosed()) {
        c = open(ds);
      }
      T result = work.apply(c);
      healthy = true;
      return result;
    } catch (SQLException e) {
      healthy = c != null && (e.getSQLState() == null || !e.getSQLState().startsWith("08"));
      throw failed(e);
    } finally {
      release(c, healthy);
      gate.release();
    }
  }

  /** Why raw SQL cannot run here, or null when the sandbox login is configured and locked down. */
  public String unavailable() {
    try {
      source();
      return null;
    } catch (WaymarkException e) {
      return e.getMessage();
    }
  }

  private void release(Connection c, boolean healthy) {
    if (c == null) {
      return;
    }
    try {
      if (healthy && !c.getAutoCommit()) {
        c.rollback();
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      healthy = false;
    }
    if (healthy && idle.size() < maxConnections) {
      idle.offerFirst(c);
    } else {
      close(c);
    }
  }

  private Connection open(PGSimpleDataSource ds) throws SQLException {
    Connection c = ds.getConnection();
    try (Statement s = c.createStatement()) {
      // the role's defaults, once more per session: the sandbox holds even if an operator forgot
      // one
      s.execute("set default_transaction_read_only = on");
      s.execute("set statement_timeout = '" + Math.max(1, timeout.toMillis()) + "ms'");
      s.execute("set idle_in_transaction_session_timeout = '60s'");
    } catch (SQLException e) {
      close(c);
      throw e;
    }
    return c;
  }

  private PGSimpleDataSource source() {
    PGSimpleDataSource ds = source;
    if (ds != null) {
      return ds;
    }
    synchronized (this) {
      if (source == null) {
        PGSimpleDataSource candidate = configure();
        verify(candidate);
        permits = new Semaphore(Math.max(1, maxConnections));
        source = candidate;
      }
      return source;
    }
  }

  private PGSimpleDataSource configure() {
    if (password.isEmpty()) {
      throw refused(
          "no sandbox login is configured (waymark.segments.sandbox.password; an operator creates"
              + " the role, see the README's production notes)");
    }
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(url.orElseGet(this::applicationUrl));
    ds.setUser(user);
    ds.setPassword(password.get());
    ds.setApplicationName("waymark-segments");
    return ds;
  }

  private String applicationUrl() {
    try (Connection c = application.getConnection()) {
      return c.getMetaData().getURL();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the database URL: " + e.getMessage(), e);
    }
  }

  /** The login must be no superuser, no member of the application's role, and locked down. */
  private void verify(PGSimpleDataSource ds) {
    String applicationRole;
    try (Connection c = application.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select current_user")) {
      rs.next();
      applicationRole = rs.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the application's role: " + e.getMessage(), e);
    }
    String problem;
    try (Connection c = ds.getConnection();
        var s =
            c.prepareStatement(
                "select r.rolsuper or r.rolcreaterole or r.rolcreatedb or r.rolbypassrls,"
                    + " pg_has_role(current_user, ?, 'member'),"
                    + " exists (select 1 from pg_proc p where p.proname in ("
                    + LOCKED
                    + ") and has_function_privilege(p.oid, 'execute')),"
                    + " has_column_privilege('users', 'password_hash', 'select')"
                    + " from pg_roles r where r.rolname = current_user")) {
      s.setString(1, applicationRole);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        problem =
            rs.getBoolean(1)
                ? "the sandbox login " + user + " has administrative rights"
                : rs.getBoolean(2)
                    ? "the sandbox login " + user + " is a member of " + applicationRole
                    : rs.getBoolean(3)
                        ? "the sandbox login "
                            + user
                            + " may call server functions (files, large objects, settings, sleeps,"
                            + " locks); revoke them from PUBLIC as the README's production notes say"
                        : rs.getBoolean(4)
                            ? "the sandbox login " + user + " may read password hashes"
                            : null;
      }
    } catch (SQLException e) {
      problem = "cannot connect as " + user + ": " + e.getMessage();
    }
    if (problem != null) {
      LOG.log(Level.WARNING, "Raw-SQL segments are refused: {0}", problem);
      throw refused(problem);
    }
  }

  private static WaymarkException refused(String reason) {
    return WaymarkException.unprocessable(
        "validation_error", "Raw-SQL segments are unavailable: " + reason);
  }

  private WaymarkException failed(SQLException e) {
    String reason =
        "57014".equals(e.getSQLState())
            ? "stopped after " + timeout.toMillis() + " ms (waymark.segments.raw-sql-timeout)"
            : e.getMessage();
    return WaymarkException.unprocessable(
        "validation_error", "The segment's SQL failed: " + reason);
  }

  private static void close(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // already broken
    }
  }

  @PreDestroy
  void closeAll() {
    Connection c;
    while ((c = idle.pollFirst()) != null) {
      close(c);
    }
  }
}
