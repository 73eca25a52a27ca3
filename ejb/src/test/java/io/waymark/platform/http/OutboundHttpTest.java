package io.waymark.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.io.CloseMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real client against a real server on 127.0.0.1: the guard refuses it at connect time unless
 * the operator allows exactly that address and port; redirects are answers, not followed.
 */
class OutboundHttpTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private HttpServer server;
  private final List<String> received = new CopyOnWriteArrayList<>();
  private CloseableHttpAsyncClient client;

  @BeforeEach
  void startServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            received.add(
                exchange.getRequestURI().getPath()
                    + " "
                    + exchange.getRequestHeaders().getFirst("X-Test")
                    + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type")
                    + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (exchange.getRequestURI().getPath().equals("/moved")) {
              exchange.getResponseHeaders().set("Location", url("/target"));
              exchange.sendResponseHeaders(302, -1);
            } else {
              exchange.sendResponseHeaders(204, -1);
            }
          }
        });
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.start();
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close(CloseMode.IMMEDIATE);
    }
    server.stop(0);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private CloseableHttpAsyncClient client(String allowedHosts) {
    client =
        OutboundHttp.build(new OutboundGuard(AllowedTargets.parse(allowedHosts)), TIMEOUT, null);
    client.start();
    return client;
  }

  private int post(String allowed, String url, Map<String, String> headers) {
    return OutboundHttp.post(
            client(allowed), URI.create(url), headers, "{\"name\":\"Zoë\"}", TIMEOUT)
        .join();
  }

  @Test
  void aLoopbackTargetIsRefusedAtConnectTimeAndNothingIsSent() {
    assertThatThrownBy(() -> post("", url("/hook"), Map.of()))
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(OutboundRefusedException.class)
        .hasMessageContaining("a loopback address")
        .hasMessageContaining("waymark.outbound.allowed-hosts");
    assertThat(received).isEmpty();
  }

  @Test
  void aNameResolvingToLoopbackIsRefusedToo() {
    assertThatThrownBy(() -> post("", url("/hook").replace("127.0.0.1", "localhost"), Map.of()))
        .hasCauseInstanceOf(OutboundRefusedException.class);
    assertThat(received).isEmpty();
  }

  @Test
  void theAllowedAddressAndPortGoThroughButNotAnotherPort() {
    int port = server.getAddress().getPort();
    assertThat(post("127.0.0.1:" + port, url("/hook"), Map.of("X-Test", "yes"))).isEqualTo(204);
    assertThat(received).containsExactly("/hook yes application/json {\"name\":\"Zoë\"}");
    assertThatThrownBy(() -> post("127.0.0.1:" + (port + 1), url("/hook"), Map.of()))
        .hasCauseInstanceOf(OutboundRefusedException.class);
    assertThat(received).hasSize(1);
  }

  @Test
  void aRedirectIsAnAnswerAndIsNotFollowed() {
    int port = server.getAddress().getPort();
    assertThat(post("127.0.0.1:" + port, url("/moved"), Map.of())).isEqualTo(302);
    assertThat(received).containsExactly("/moved null application/json {\"name\":\"Zoë\"}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Host", "connection", "Transfer-Encoding", "Content-Length", "Upgrade"})
  void headersTheClientOwnsAreRefusedWithoutSending(String header) {
    int port = server.getAddress().getPort();
    assertThatThrownBy(() -> post("127.0.0.1:" + port, url("/hook"), Map.of(header, "x")))
        .hasCauseInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(header);
    assertThat(received).isEmpty();
  }

  @Test
  void theSaveTimeCheckNamesWhatIsWrong() {
    OutboundGuard strict = new OutboundGuard(AllowedTargets.NONE);
    assertThat(OutboundHttp.targetProblem(strict, "http://127.0.0.1:28048/management"))
        .hasValueSatisfying(p -> assertThat(p).contains("127.0.0.1:28048 is a loopback address"));
    assertThat(OutboundHttp.targetProblem(strict, "http://[::1]:8080/"))
        .hasValueSatisfying(p -> assertThat(p).contains("loopback"));
    assertThat(OutboundHttp.targetProblem(strict, "http://169.254.169.254/latest/meta-data/"))
        .hasValueSatisfying(p -> assertThat(p).contains("the cloud metadata address"));
    assertThat(OutboundHttp.targetProblem(strict, "http://0x7f000001/"))
        .hasValueSatisfying(p -> assertThat(p).contains("numeric form"));
    assertThat(OutboundHttp.targetProblem(strict, "http://2130706433/"))
        .hasValueSatisfying(p -> assertThat(p).contains("numeric form"));
    assertThat(OutboundHttp.targetProblem(strict, "http://localhost:5432/"))
        .hasValueSatisfying(p -> assertThat(p).contains("localhost (127.0.0.1:5432)"));
    assertThat(OutboundHttp.targetProblem(strict, "http://user:pw@example.com/"))
        .hasValueSatisfying(p -> assertThat(p).contains("user name or password"));
    assertThat(OutboundHttp.targetProblem(strict, "ftp://example.com/"))
        .hasValue("must be an http or https URL");
    assertThat(OutboundHttp.targetProblem(strict, "https://93.184.216.34/hook")).isEmpty();
  }
}
