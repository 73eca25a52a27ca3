package io.waymark.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.waymark.it.support.Api;
import io.waymark.it.support.Db;
import io.waymark.it.support.Goals;
import io.waymark.it.support.Receiver;
import io.waymark.it.support.StubServer;
import io.waymark.it.support.TestServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Server-side request forgery through webhook URLs: the suite's instance allows only its stub
 * server ({@code waymark.outbound.allowed-hosts=127.0.0.1:<stub port>}); its own admin port, its
 * database, other loopback spellings and the metadata address are refused when the scenario is
 * saved (422, nothing stored) and, should such a URL get in anyway, when the call is made (failed
 * at once, nothing sent).
 */
class WebhookOutboundGuardIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int HTTP_PORT = URI.create(TestServer.BASE).getPort();
  private static final int ADMIN_PORT =
      HTTP_PORT - 32; // the launcher's port base is HTTP - 80, admin +48
  private static final int DB_PORT =
      URI.create(
              System.getProperty("it.jdbc-url", "jdbc:postgresql://127.0.0.1:28432/x").substring(5))
          .getPort();

  static List<String> refusedTargets() {
    return List.of(
        "http://127.0.0.1:" + ADMIN_PORT + "/management/domain/applications",
        "http://localhost:" + ADMIN_PORT + "/",
        "http://[::1]:" + HTTP_PORT + "/api/v1/users",
        "http://0x7f000001:" + HTTP_PORT + "/",
        "http://127.0.0.1:" + DB_PORT + "/",
        "http://127.0.0.1:" + (StubServer.PORT + 1) + "/",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/hook");
  }

  private static Api.Reply save(String name, String url, String headers) {
    ScenarioGraphsDocument doc = new ScenarioGraphsDocument(name, url, headers);
    return ScenarioDocs.create(doc.json());
  }

  @ParameterizedTest
  @MethodSource("refusedTargets")
  void aWebhookToThisMachineOrItsNetworksIsRefusedOnSave(String url) {
    String name = "guard " + UUID.randomUUID();
    Api.Reply reply = save(name, url, "{}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(422);
    assertThat(reply.json().getString("code")).isEqualTo("validation_error");
    assertThat(reply.body())
        .containsPattern(
            "webhook: option 'url' (.* is .*waymark.outbound.allowed-hosts|host .* is a numeric form)");
    assertThat(Db.single("select count(*) from scenarios where name = ?", name)).isEqualTo(0L);
  }

  @ParameterizedTest
  @MethodSource("io.waymark.it.scenarios.WebhookOutboundGuardIT#headersTheClientOwns")
  void headersThatSteerTheConnectionAreRefusedOnSave(String header) {
    String name = "guard " + UUID.randomUUID();
    Receiver hook = StubServer.receiver(StubServer.uniquePath("webhooks"));
    Api.Reply reply = save(name, hook.url(), "{\"" + header + "\":\"x\"}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(422);
    assertThat(reply.body()).contains("option 'headers': header '" + header + "'");
    assertThat(Db.single("select count(*) from scenarios where name = ?", name)).isEqualTo(0L);
  }

  static List<String> headersTheClientOwns() {
    return List.of("Host", "Connection", "Transfer-Encoding", "Content-Length");
  }

  @Test
  void theAllowedStubServerIsAccepted() {
    Receiver hook = StubServer.receiver(StubServer.uniquePath("webhooks"));
    Api.Reply reply =
        save("guard " + UUID.randomUUID(), hook.url(), "{\"Authorization\":\"Bearer x\"}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
  }

  @Test
  void aRefusedTargetThatGotInAnywayFailsAtOnceAndNothingIsSent() {
    Receiver hook = StubServer.receiver(StubServer.uniquePath("webhooks"));
    ScenarioGraphs s = ScenarioGraphs.scenario();
    String start = Goals.createSimple("sc-guard");
    var webhook = s.element("webhook", "{\"url\":\"" + hook.url() + "\"}");
    var after = s.element("wait", "{\"minutes\":600}");
    s.edge(webhook, after, "positive").trigger("goal_completed", start, webhook).enable();
    // a stored URL the save-time check would refuse (as after a change of allowed-hosts): the
    // call-time guard is the one that must hold
    String refused = "http://127.0.0.1:" + ADMIN_PORT + "/management/domain";
    Db.update(
        "update scenario_elements set options = jsonb_set(options::jsonb, '{url}', to_jsonb(?::text))::text"
            + " where id = ?",
        refused,
        webhook.id());
    Db.update("update scenarios set updated_at = clock_timestamp() where id = ?", s.id());
    ScenarioGraphs.dispatch();

    long user = Goals.user();
    assertThat(Goals.complete(start, user).status()).isEqualTo(200);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        Db.query(
                            "select coalesce(d.outcome, d.state), d.attempts, d.last_error"
                                + " from outbox_items d join scenario_jobs j on j.id::text = d.unique_key and d.channel = 'webhook'"
                                + " where j.element_id = ? and j.user_id = ?",
                            webhook.id(),
                            user))
                    .singleElement()
                    .satisfies(
                        row -> {
                          assertThat(row.get(0)).isEqualTo("dead");
                          assertThat(row.get(1)).isEqualTo(1);
                          assertThat((String) row.get(2))
                              .contains("refused by the outbound guard")
                              .contains("127.0.0.1:" + ADMIN_PORT + " is a loopback address");
                        }));
    assertThat(hook.exchanges()).isEmpty();
  }

  /** trigger → webhook(url, headers) → wait, as one document. */
  private record ScenarioGraphsDocument(String name, String url, String headers) {
    String json() {
      String t = UUID.randomUUID().toString();
      String w = UUID.randomUUID().toString();
      String after = UUID.randomUUID().toString();
      return "{\"name\":\""
          + name
          + "\",\"triggers\":{\""
          + t
          + "\":{\"id\":\""
          + t
          + "\",\"name\":\"Start\",\"type\":\"event\",\"event\":{\"code\":\"user_registered\"},"
          + "\"options\":{},\"elements\":[\""
          + w
          + "\"]}},\"elements\":{\""
          + w
          + "\":{\"id\":\""
          + w
          + "\",\"name\":\"Hook\",\"type\":\"webhook\",\"webhook\":{\"url\":\""
          + url
          + "\",\"headers\":"
          + headers
          + ",\"descendants\":[{\"uuid\":\""
          + after
          + "\",\"direction\":\"positive\"}]}},\""
          + after
          + "\":{\"id\":\""
          + after
          + "\",\"name\":\"After\",\"type\":\"wait\",\"wait\":{\"minutes\":5,\"descendants\":[]}}},"
          + "\"visual\":{}}";
    }
  }
}
