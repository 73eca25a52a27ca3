package io.waymark.it.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.it.support.ListeningSockets;
import io.waymark.it.support.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The suite's instance as the launcher sets it up: only the HTTP listener is reachable from other
 * machines; the Payara admin listener answers only with the generated admin password, kept for the
 * launcher in a file only its owner can read.
 */
class ServerListenersIT {

  private static final int HTTP_PORT = URI.create(TestServer.BASE).getPort();
  private static final int ADMIN_PORT = HTTP_PORT - 32;
  private static final Path DATA = Path.of(TestServer.DATA_DIR);

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
