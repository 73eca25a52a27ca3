package io.waymark.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for browser tests, always the machine's own binaries (Debian's {@code chromium}
 * and {@code chromedriver}; override with {@code -Dit.chromium=} / {@code -Dit.chromedriver=}), so
 * Selenium Manager never downloads a driver or a browser. When they are missing the test is skipped
 * with a loud message — except on CI ({@code CI=true}), where a missing browser fails the test: a
 * green CI must mean the browser tests ran.
 */
public final class Browser implements AutoCloseable {

  public static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final WebDriver driver;
  private final Path profile;

  private Browser(WebDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /**
   * Skips the calling test (or, from {@code @BeforeAll}, the whole class) with a loud message when
   * Chromium or its driver is missing; with {@code CI=true} fails instead.
   */
  public static void requireAvailable() {
    Path chromium = chromium();
    Path chromedriver = chromedriver();
    if (chromium == null || chromedriver == null) {
      String message =
          "Browser test needs Chromium and its driver: chromium="
              + chromium
              + ", chromedriver="
              + chromedriver
              + " (Debian: apt-get install -y chromium chromium-driver)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail("CI=true and no browser: " + message);
      }
      System.err.println("\n*** SKIPPING BROWSER TEST: " + message + " ***\n");
      Assumptions.abort(message);
    }
  }

  private static Path chromium() {
    return locate("it.chromium", "/usr/bin/chromium", "chromium", "chromium-browser");
  }

  private static Path chromedriver() {
    return locate("it.chromedriver", "/usr/bin/chromedriver", "chromedriver");
  }

  public static Browser start() {
    requireAvailable();
    Path chromium = chromium();
    Path chromedriver = chromedriver();
    System.setProperty("webdriver.chrome.driver", chromedriver.toString());
    Path profile;
    try {
      profile = Files.createTempDirectory("waymark-it-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--window-size=1280,1000",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(chromedriver.toFile())
            .usingAnyFreePort()
            .build();
    return new Browser(new ChromeDriver(service, options), profile);
  }

  private static Path locate(String property, String standard, String... names) {
    String configured = System.getProperty(property);
    if (configured != null && !configured.isBlank()) {
      Path path = Path.of(configured);
      return Files.isExecutable(path) ? path : null;
    }
    if (Files.isExecutable(Path.of(standard))) {
      return Path.of(standard);
    }
    String pathVariable = Optional.ofNullable(System.getenv("PATH")).orElse("");
    for (String dir : pathVariable.split(java.io.File.pathSeparator)) {
      for (String name : names) {
        Path candidate = Path.of(dir, name);
        if (!dir.isEmpty() && Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    return null;
  }

  /**
   * Signs in on the console's login page as that user and waits for a page under /admin/ (a wrong
   * password fails the wait; use {@link #submitLogin} to test refusals).
   */
  public Browser signIn(String email, String password) {
    submitLogin(email, password);
    waiting().until(ExpectedConditions.urlContains("/admin/"));
    visible(By.id("current-user"));
    return this;
  }

  /** Fills in and submits the login form (opening the login page unless it is shown already). */
  public void submitLogin(String email, String password) {
    if (!driver.getCurrentUrl().contains("/login.xhtml")) {
      open(TestServer.BASE + "/login.xhtml");
    }
    type(By.id("login:email"), email);
    type(By.id("login:password"), password);
    driver.findElement(By.id("login:submit")).click();
  }

  public WebDriver driver() {
    return driver;
  }

  public void open(String url) {
    driver.get(url);
  }

  /**
   * A wait that retries while the element it reads was just replaced: PrimeFaces ajax updates swap
   * whole forms, so an element found a moment ago can be gone before its text is read. Chromium
   * says so as a StaleElementReferenceException or, while the new nodes are being built, as a plain
   * WebDriverException ("Node with given id does not belong to the document"): both are retried
   * until the timeout, which still fails the wait with the last one as its cause.
   */
  public WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(driver, TIMEOUT);
    wait.ignoring(StaleElementReferenceException.class);
    wait.ignoring(org.openqa.selenium.WebDriverException.class);
    return wait;
  }

  /**
   * Waits until the element is no longer in the page (the page or form was replaced). Chromium
   * reports such an element either as stale or, while the new document is being built, as a node
   * that "does not belong to the document": both mean gone.
   */
  public void gone(WebElement element) {
    waiting()
        .until(
            d -> {
              try {
                element.isEnabled();
                return false;
              } catch (org.openqa.selenium.WebDriverException e) {
                return true;
              }
            });
  }

  /** The element once it is visible. */
  public WebElement visible(By by) {
    return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** Waits until the element's text contains the given text; answers the element. */
  public WebElement text(By by, String contained) {
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(by, contained));
    return driver.findElement(by);
  }

  /** Waits until the element's whole text is exactly the given text. */
  public void textIs(By by, String text) {
    waiting().until(ExpectedConditions.textToBe(by, text));
  }

  public boolean present(By by) {
    return !driver.findElements(by).isEmpty();
  }

  public void type(By by, String text) {
    WebElement field = visible(by);
    field.clear();
    field.sendKeys(text);
  }

  /** A PNG of the page under target/screenshots, for looking at what a failing test saw. */
  public Path screenshot(String name) {
    try {
      Path dir = Files.createDirectories(Path.of("target", "screenshots"));
      Path file = dir.resolve(name.replaceAll("[^A-Za-z0-9_.-]", "_") + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException | RuntimeException e) {
      System.err.println("No screenshot " + name + ": " + e);
      return null;
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a leftover temporary profile is harmless
      }
    }
  }
}
