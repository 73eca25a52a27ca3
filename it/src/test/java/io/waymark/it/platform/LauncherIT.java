package io.waymark.it.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.waymark.it.support.LocalInstance;
import io.waymark.it.support.RawHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The quick-start launcher's commands on an instance of their own (ports 3000 above the suite's,
 * data beside the suite's): start → start again (a redeploy, authenticated with the generated admin
 * password) → status → stop → status, then {@code run} in the foreground ending when {@code stop}
 * comes from elsewhere, with no process left behind. No bootstrap admin is configured, so the first
 * start creates {@code admin@localhost} with a generated password that the launcher shows once.
 */
class LauncherIT {

  private static final LocalInstance INSTANCE =
      new LocalInstance(
          3000,
          "-launcher",
          // as behind a TLS proxy: the console's session cookie must say Secure
          List.of("-Dwaymark.console.secure-cookie=true"));
  private static final int HTTP = INSTANCE.httpPort();
  private static final Path DATA = INSTANCE.data();
  private static final Duration BOOT = LocalInstance.BOOT;

  private static int get(String path) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP + path))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static int login(String email, String password) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP + "/api/v1/users/login"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** The Set-Cookie of the console's login page (it starts a session). */
  static String sessionCookie(String base) throws Exception {
    HttpResponse<Void> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + "/login.xhtml")).build(),
                HttpResponse.BodyHandlers.discarding());
    return page.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("JSESSIONID"))
        .findFirst()
        .orElse("");
  }

  private static String sessionCookie() throws Exception {
    return sessionCookie("http://127.0.0.1:" + HTTP);
  }

  /** A first start, as on a fresh machine: nothing left of an earlier run. */
  @BeforeAll
  static void freshDataDirectory() throws Exception {
    INSTANCE.fresh();
  }

  @AfterAll
  static void stopWhateverIsLeft() throws Exception {
    INSTANCE.launcher("stop");
  }

  @Test
  void startRedeployStatusStopAndRunEndingOnStop() throws Exception {
    LocalInstance.Result started = INSTANCE.launcher("start");
    assertThat(started.exit()).as(started.output()).isZero();
    assertThat(started.output()).contains("Waymark is up");
    assertThat(get("/health/ready")).isEqualTo(200);
    assertThat(DATA.resolve("payara-admin.password")).exists();
    // the generated console admin: shown once, its file gone, its password signs in
    Matcher shown =
        Pattern.compile("Admin console login: admin@localhost / (\\S+)").matcher(started.output());
    assertThat(shown.find()).as(started.output()).isTrue();
    assertThat(DATA.resolve("initial-admin-password")).doesNotExist();
    assertThat(login("admin@localhost", shown.group(1))).isEqualTo(200);
    assertThat(login("admin@localhost", shown.group(1) + "x")).isEqualTo(400);

    // no waymark.public-url here: redirects carry the path only, never the request's Host
    for (String page : List.of("/admin/", "/admin/goals/list.xhtml", "/admin")) {
      RawHttp.Reply redirect =
          RawHttp.at("http://127.0.0.1:" + HTTP).header("Host", "evil.example").get(page);
      assertThat(redirect.status()).as(page + ": " + redirect.all()).isBetween(301, 303);
      assertThat(redirect.header("Location")).as(page).startsWith("/");
      assertThat(redirect.all()).as(page).doesNotContain("evil.example");
    }

    assertThat(sessionCookie())
        .contains("HttpOnly")
        .containsIgnoringCase("SameSite=Strict")
        .contains("Secure");

    LocalInstance.Result again = INSTANCE.launcher("start");
    assertThat(again.exit()).as(again.output()).isZero();
    assertThat(again.output()).contains("redeploying").contains("Waymark is up");
    assertThat(again.output()).doesNotContain("Admin console login");
    assertThat(login("admin@localhost", shown.group(1))).as("the same password").isEqualTo(200);

    LocalInstance.Result status = INSTANCE.launcher("status");
    assertThat(status.exit()).as(status.output()).isZero();
    assertThat(status.output()).contains("Payara Server: running", "Readiness: UP");

    long pid = INSTANCE.payaraPid();
    long postgres = INSTANCE.postgresPid();
    assertThat(LocalInstance.alive(postgres)).as("PostgreSQL's process before stop").isTrue();
    LocalInstance.Result stopped = INSTANCE.launcher("stop");
    assertThat(stopped.exit()).as(stopped.output()).isZero();
    assertThat(LocalInstance.alive(pid)).as("Payara's process after stop").isFalse();
    // pg_ctl's stop returns once the pid file is gone, a moment before the process itself
    await("PostgreSQL's process after stop")
        .atMost(Duration.ofSeconds(15))
        .until(() -> !LocalInstance.alive(postgres));
    LocalInstance.Result down = INSTANCE.launcher("status");
    assertThat(down.exit()).isEqualTo(3);
    assertThat(down.output()).contains("Payara Server: stopped", "Embedded PostgreSQL: stopped");

    // a webhook header stored in clear (as by a version before secrets), written while only the
    // database runs: the next start seals it
    String clear = "Bearer launcher-clear-" + System.nanoTime();
    assertThat(INSTANCE.launcher("db-start").exit()).isZero();
    try (Connection c = INSTANCE.database()) {
      c.createStatement()
          .execute(
              "insert into scenarios (name, created_at, updated_at) values ('clear headers', now(), now())");
      try (PreparedStatement insert =
          c.prepareStatement(
              "insert into scenario_elements (scenario_id, uuid, name, type, options) select"
                  + " max(id), gen_random_uuid(), 'hook', 'webhook', ? from scenarios")) {
        insert.setString(
            1,
            "{\"url\":\"https://example.com/hook\",\"headers\":{\"Authorization\":\""
                + clear
                + "\"}}");
        insert.executeUpdate();
      }
    }
    assertThat(INSTANCE.launcher("db-stop").exit()).isZero();

    // run in the foreground; `stop` from elsewhere ends it
    Path log = Files.createTempFile("launcher-run", ".log");
    Process run =
        new ProcessBuilder(INSTANCE.command("run"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    try {
      await()
          .atMost(BOOT)
          .pollInterval(Duration.ofSeconds(2))
          .until(() -> Files.readString(log).contains("Press Ctrl-C to stop."));
      assertThat(get("/health/ready")).isEqualTo(200);
      try (Connection c = INSTANCE.database();
          var options =
              c.createStatement()
                  .executeQuery(
                      "select options from scenario_elements where type = 'webhook'"
                          + " and name = 'hook'")) {
        assertThat(options.next()).isTrue();
        assertThat(options.getString(1))
            .as("sealed at start")
            .doesNotContain(clear)
            .contains("\"Authorization\":\"wms1:");
      }
      long runPid = INSTANCE.payaraPid();
      assertThat(INSTANCE.launcher("stop").exit()).isZero();
      assertThat(run.waitFor(60, TimeUnit.SECONDS)).as(Files.readString(log)).isTrue();
      assertThat(LocalInstance.alive(runPid)).isFalse();
      assertThat(get("/health/ready")).isEqualTo(-1);
    } finally {
      run.destroyForcibly();
    }
    List<String> left = new ArrayList<>();
    // PostgreSQL's files are in the data directory, or where it records them (as root)
    String elsewhere = INSTANCE.postgresBase().toString();
    ProcessHandle.allProcesses()
        .filter(
            p -> {
              String line = p.info().commandLine().orElse("");
              return line.contains(DATA.toString()) || line.contains(elsewhere);
            })
        .forEach(p -> left.add(p.info().commandLine().orElse("")));
    assertThat(left).as("processes of the launcher's instance").isEmpty();
  }
}
