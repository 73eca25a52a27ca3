package io.waymark.it.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.it.support.Db;
import io.waymark.it.support.ListeningSockets;
import io.waymark.it.support.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The suite's instance as the launcher sets it up: only the HTTP listener is reachable from other
 * machines; the Payara admin listener answers only with the generated admin password, kept for the
 * launcher in a file only its owner can read; the embedded PostgreSQL trusts no one (SCRAM with
 * generated passwords, kept the same way) and the application's login is no superuser.
 */
class ServerListenersIT {

  private static final int HTTP_PORT = URI.create(TestServer.BASE).getPort();
  private static final int ADMIN_PORT = HTTP_PORT - 32;
  private static final Path DATA = Path.of(TestServer.DATA_DIR);
  private static final String JDBC_URL =
      System.getProperty("it.jdbc-url", "jdbc:postgresql://127.0.0.1:28432/waymark");

  private static long payaraPid() throws Exception {
    return Long.parseLong(
        Files.readString(DATA.resolve("payara6/glassfish/domains/waymark/config/pid")).trim());
  }

  @Test
  void everyListenerButHttpIsBoundToLoopback() throws Exception {
    var sockets = ListeningSockets.of(payaraPid());
    assertThat(sockets).as("the server listens").isNotEmpty();
    assertThat(sockets)
        .filteredOn(s -> s.port() != HTTP_PORT)
        .as("listeners other than HTTP %d", HTTP_PORT)
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.loopback()).as("%s is loopback", s).isTrue());
    assertThat(sockets).anySatisfy(s -> assertThat(s.port()).isEqualTo(ADMIN_PORT));
  }

  @Test
  void theAdminApiAnswersOnlyWithTheGeneratedPassword() throws Exception {
    Path file = DATA.resolve("payara-admin.password");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    String password = Files.readString(file).strip().replaceFirst("^AS_ADMIN_PASSWORD=", "");
    assertThat(password).hasSizeGreaterThanOrEqualTo(24);

    URI domain = URI.create("http://127.0.0.1:" + ADMIN_PORT + "/management/domain");
    assertThat(admin(domain, null)).isEqualTo(401);
    assertThat(admin(domain, "admin:")).isEqualTo(401);
    assertThat(admin(domain, "admin:wrong-" + password)).isEqualTo(401);
    assertThat(admin(domain, "admin:" + password)).isEqualTo(200);
  }

  private static int admin(URI uri, String credentials) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .header("Accept", "application/json")
            .header("X-Requested-By", "it");
    if (credentials != null) {
      request.header(
          "Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes()));
    }
    return HttpClient.newHttpClient()
        .send(request.build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void theEmbeddedDatabaseTrustsNoOneEveryLoginNeedsItsGeneratedPassword() throws Exception {
    for (String login : List.of("postgres", "waymark", "waymark_segments")) {
      Path file = DATA.resolve("db-" + login + ".password");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .as(file.toString())
          .isEqualTo("rw-------");
      for (String wrong : List.of("", "wrong-" + Db.password(login))) {
        assertThatThrownBy(() -> DriverManager.getConnection(JDBC_URL, login, wrong).close())
            .as("%s with a wrong password", login)
            .isInstanceOf(SQLException.class)
            // 28P01: password authentication failed; 08004: SCRAM asked, no password given
            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("28P01", "08004"));
      }
    }
    Path secretsKey = DATA.resolve("secrets.key");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secretsKey)))
        .as("the generated waymark.secrets.key")
        .isEqualTo("rw-------");
    try (Connection c = Db.connectAs("postgres");
        var rules =
            c.createStatement()
                .executeQuery(
                    "select auth_method, count(*) from pg_hba_file_rules group by auth_method")) {
      List<String> methods = new ArrayList<>();
      while (rules.next()) {
        methods.add(rules.getString(1));
      }
      assertThat(methods).as("pg_hba.conf's methods").containsOnly("scram-sha-256");
    }
    try (Connection c = Db.connectAs("waymark");
        var role =
            c.createStatement()
                .executeQuery(
                    "select rolsuper, rolcreaterole from pg_roles where rolname = current_user")) {
      role.next();
      assertThat(role.getBoolean(1)).as("the application's login is a superuser").isFalse();
      assertThat(role.getBoolean(2)).as("the application's login creates roles").isFalse();
    }
  }

  @Test
  void theConsoleSessionCookieIsHttpOnlyStrictAndNotSecureOverPlainHttpByDefault()
      throws Exception {
    String cookie = LauncherIT.sessionCookie(TestServer.BASE);
    assertThat(cookie)
        .startsWith("JSESSIONID=")
        .contains("HttpOnly")
        .containsIgnoringCase("SameSite=Strict");
    assertThat(cookie).as("waymark.console.secure-cookie is off here").doesNotContain("Secure");
  }
}
