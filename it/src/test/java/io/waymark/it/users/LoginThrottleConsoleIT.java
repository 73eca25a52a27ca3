package io.waymark.it.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.it.support.Api;
import io.waymark.it.support.Browser;
import io.waymark.it.support.Console;
import io.waymark.it.support.Db;
import io.waymark.it.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Login throttling of the console's sign-in page (issue 14), with the suite's default settings (5
 * free failures, then 30 s): a clear message, and no password check while throttled.
 */
class LoginThrottleConsoleIT {

  @RegisterExtension final Console console = new Console();

  private static final By MESSAGES = By.id("messages");
  private static final String ACCOUNT = "sha256(convert_to(lower(?), 'UTF8'))";

  @Test
  void repeatedWrongPasswordsThrottleTheSignInAndTheRightPasswordWaitsToo() {
    String email = Api.email("console-throttle");
    String password = "console-Secret-1";
    long id = Api.createUser(email, password).getJsonNumber("id").longValue();
    // the console role, as Console.signedInAsNewViewer grants it (only the users page can)
    Db.update("insert into user_roles (user_id, role) values (?, 'viewer')", id);

    Browser browser = console.browser();
    for (int i = 1; i <= 5; i++) {
      submit(browser, email, "wrong-" + i);
      browser.text(MESSAGES, "Sign-in failed");
    }
    submit(browser, email, "wrong-6");
    browser.text(MESSAGES, "Too many failed attempts; try again in ");
    assertThat(browser.driver().findElement(MESSAGES).getText())
        .matches("(?s).*try again in \\d+ seconds?\\..*");

    // the right password is not even checked while throttled
    submit(browser, email, password);
    browser.text(MESSAGES, "Too many failed attempts; try again in ");
    browser.screenshot("login-throttled");
    assertThat(browser.driver().getCurrentUrl()).contains("/login.xhtml");
    assertThat(
            Db.single("select failures from login_failures where account_key = " + ACCOUNT, email))
        .isEqualTo(5);

    // time passes (the table's timestamps move back): the right password signs in, and the
    // failures are forgotten
    Db.update(
        "update login_failures set last_failed_at = last_failed_at - interval '1 minute',"
            + " blocked_until = blocked_until - interval '1 minute' where account_key = "
            + ACCOUNT,
        email);
    browser.signIn(email, password);
    assertThat(
            Db.single("select count(*) from login_failures where account_key = " + ACCOUNT, email))
        .isEqualTo(0L);
  }

  /** Submits the login form and waits for the page the answer renders. */
  private static void submit(Browser browser, String email, String password) {
    if (!browser.driver().getCurrentUrl().contains("/login.xhtml")) {
      browser.open(TestServer.BASE + "/login.xhtml");
    }
    WebElement form = browser.visible(By.id("login"));
    browser.submitLogin(email, password);
    browser.gone(form);
  }
}
