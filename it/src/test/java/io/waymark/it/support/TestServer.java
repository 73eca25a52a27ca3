package io.waymark.it.support;

/**
 * Where the suite's Waymark instance is and who may use it: the values {@code it/pom.xml} started
 * it with (failsafe system properties), with the pom's defaults for a run from an IDE.
 */
public final class TestServer {

  /** The HTTP base URL of the instance under test, e.g. {@code http://127.0.0.1:28080}. */
  public static final String BASE = System.getProperty("it.base-url", "http://127.0.0.1:28080");

  /** The bootstrap API token: it reaches every API resource. */
  public static final String BOOTSTRAP_TOKEN =
      System.getProperty("it.api-token", "it-bootstrap-7c2f9d1e4b8a");

  /** The console's bootstrap admin. */
  public static final String ADMIN_EMAIL =
      System.getProperty("it.admin-email", "admin@it.waymark.test");

  public static final String ADMIN_PASSWORD =
      System.getProperty("it.admin-password", "it-admin-Secret-1");

  /**
   * The instance's data directory (Payara's log: {@code payara6/glassfish/domains/waymark/logs/}).
   */
  public static final String DATA_DIR = System.getProperty("it.data-dir", "target/waymark-it");

  private TestServer() {}
}
