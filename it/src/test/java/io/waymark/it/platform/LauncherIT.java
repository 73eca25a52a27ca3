package io.waymark.it.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.waymark.it.support.RawHttp;
import io.waymark.it.support.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
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

  private static final int HTTP = URI.create(TestServer.BASE).getPort() + 3000;
  private static final int DB =
      URI.create(
                  System.getProperty("it.jdbc-url", "jdbc:postgresql://127.0.0.1:28432/x")
                      .substring(5))
              .getPort()
          + 3000;
  private static final Path DATA = Path.of(TestServer.DATA_DIR + "-launcher").toAbsolutePath();
  private static final String JAR =
      System.getProperty("it.launcher-jar", "../server-config/target/waymark-launcher.jar");
  private static final Duration BOOT = Duration.ofMinutes(6);

  record Result(int exit, String output) {}

  /** The launcher's instance's database, as the application's login. */
  private static Connection database() throws Exception {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + DB + "/waymark",
        "waymark",
        Files.readString(DATA.resolve("db-waymark.password")).strip());
  }

  private static List<String> command(String verb) {
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dwaymark.data-dir=" + DATA,
        "-Dwaymark.http.port=" + HTTP,
        "-Dwaymark.db.embedded-port=" + DB,
        // as behind a TLS proxy: the console's session cookie must say Secure
        "-Dwaymark.console.secure-cookie=true",
        "-jar",
        JAR,
        verb);
  }

  private static Result launcher(String verb) throws Exception {
    Process process =
        new ProcessBuilder(command(verb))
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(BOOT.toSeconds(), TimeUnit.SECONDS)).as(verb + " ended").isTrue();
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

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

  private static long payaraPid() throws IOException {
    Path pid = DATA.resolve("payara6/glassfish/domains/waymark/config/pid");
    return Files.exists(pid) ? Long.parseLong(Files.readString(pid).trim()) : -1;
  }

  /**
   * PostgreSQL's postmaster: its files are in the data directory, or (as root, when {@code nobody}
   * cannot reach the data directory) where {@code postgres.location} says.
   */
  private static long postgresPid() throws IOException {
    Path record = DATA.resolve("postgres.location");
    Path base = Files.exists(record) ? Path.of(Files.readString(record).strip()) : DATA;
    Path pid = base.resolve("pgdata/postmaster.pid");
    return Files.exists(pid) ? Long.parseLong(Files.readAllLines(pid).get(0).trim()) : -1;
  }

  private static boolean alive(long pid) {
    return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** A first start, as on a fresh machine: nothing left of an earlier run. */
  @BeforeAll
  static void freshDataDirectory() throws Exception {
    if (Files.exists(DATA)) {
      launcher("stop");
      try (var files = Files.walk(DATA)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    assertThat(DATA).doesNotExist();
  }

  @AfterAll
  static void stopWhateverIsLeft() throws Exception {
    launcher("stop");
  }

  @Test
  void startRedeployStatusStopAndRunEndingOnStop() throws Exception {
    Result started = launcher("start");
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

    Result again = launcher("start");
    assertThat(again.exit()).as(again.output()).isZero();
    assertThat(again.output()).contains("redeploying").contains("Waymark is up");
    assertThat(again.output()).doesNotContain("Admin console login");
    assertThat(login("admin@localhost", shown.group(1))).as("the same password").isEqualTo(200);

    Result status = launcher("status");
    assertThat(status.exit()).as(status.output()).isZero();
    assertThat(status.output()).contains("Payara Server: running", "Readiness: UP");

    long pid = payaraPid();
    long postgres = postgresPid();
    assertThat(alive(postgres)).as("PostgreSQL's process before stop").isTrue();
    Result stopped = launcher("stop");
    assertThat(stopped.exit()).as(stopped.output()).isZero();
    assertThat(alive(pid)).as("Payara's process after stop").isFalse();
    // pg_ctl's stop returns once the pid file is gone, a moment before the process itself
    await("PostgreSQL's process after stop")
        .atMost(Duration.ofSeconds(15))
        .until(() -> !alive(postgres));
    Result down = launcher("status");
    assertThat(down.exit()).isEqualTo(3);
    assertThat(down.output()).contains("Payara Server: stopped", "Embedded PostgreSQL: stopped");

    // a webhook header stored in clear (as by a version before secrets), written while only the
    // database runs: the next start seals it
    String clear = "Bearer launcher-clear-" + System.nanoTime();
    assertThat(launcher("db-start").exit()).isZero();
    try (Connection c = database()) {
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
    assertThat(launcher("db-stop").exit()).isZero();

    // run in the foreground; `stop` from elsewhere ends it
    Path log = Files.createTempFile("launcher-run", ".log");
    Process run =
        new ProcessBuilder(command("run"))
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
      try (Connection c = database();
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
      long runPid = payaraPid();
      assertThat(launcher("stop").exit()).isZero();
      assertThat(run.waitFor(60, TimeUnit.SECONDS)).as(Files.readString(log)).isTrue();
      assertThat(alive(runPid)).isFalse();
      assertThat(get("/health/ready")).isEqualTo(-1);
    } finally {
      run.destroyForcibly();
    }
    List<String> left = new ArrayList<>();
    // PostgreSQL's files are in the data directory, or where it records them (as root)
    Path record = DATA.resolve("postgres.location");
    String elsewhere = Files.exists(record) ? Files.readString(record).strip() : DATA.toString();
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
