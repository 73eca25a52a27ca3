package io.waymark.it.support;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The admin console from a test: one per test method, registered as
 *
 * <pre>{@code @RegisterExtension final Console console = new Console();}</pre>
 *
 * <p>Before each test it requires the browser (skips loudly, or fails under {@code CI=true}, before
 * any data is made). It opens headless Chromium windows ({@link #browser()}) or windows signed in
 * to the console ({@link #signedIn()}); when the test fails it saves a screenshot of every window
 * it opened to {@code target/screenshots/<class>-<test>-<n>.png} at the moment of the failure;
 * after each test it closes them all.
 */
public final class Console
    implements BeforeEachCallback, TestExecutionExceptionHandler, AfterEachCallback {

  private final List<Browser> browsers = new ArrayList<>();
  private String testName = "test";

  @Override
  public void beforeEach(ExtensionContext context) {
    Browser.requireAvailable();
    testName =
        context.getRequiredTestClass().getSimpleName()
            + "-"
            + context.getTestMethod().map(m -> m.getName()).orElse("test");
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    for (int i = 0; i < browsers.size(); i++) {
      var file = browsers.get(i).screenshot(testName + "-" + i);
      if (file != null) {
        System.err.println("Screenshot of the failed test's window " + i + ": " + file);
      }
    }
    throw failure;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    for (Browser browser : browsers) {
      browser.close();
    }
    browsers.clear();
  }

  /** A new window, signed in to nothing; closed after the test. */
  public Browser browser() {
    Browser browser = Browser.start();
    browsers.add(browser);
    return browser;
  }

  /** A new window signed in as the console's bootstrap admin. */
  public Browser signedIn() {
    return signedIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
  }

  /** A new window signed in as that user. */
  public Browser signedIn(String email, String password) {
    return browser().signIn(email, password);
  }

  /**
   * A new window signed in as a new user (created through the API) with the console's viewer role.
   * Roles are granted only on the console's user page, which {@code AdminConsoleIT} drives; a
   * second browser session per test just to grant one would double these tests' time, so this grant
   * is the one role written with SQL.
   */
  public Browser signedInAsNewViewer(String email, String password) {
    long id = Api.createUser(email, password).getJsonNumber("id").longValue();
    Db.update("insert into user_roles (user_id, role) values (?, 'viewer')", id);
    return signedIn(email, password);
  }
}
