package io.waymark.it.platform;

import static io.waymark.it.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.it.support.Api;
import io.waymark.it.support.Db;
import io.waymark.it.support.RawHttp;
import io.waymark.it.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The malformed inputs found by probing (#14 item 3) that {@link MalformedInputIT}'s generic
 * mutations do not reach: races, lengths of nested names, values valid in Java but not in
 * PostgreSQL, and what the server itself answers before the application.
 */
class MalformedInputCasesIT {

  @Test
  void concurrentCreatesOfOneNewEmailAre201OnceAnd409EmailTakenOtherwise() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 4; round++) {
        String email = Api.email("race");
        List<Future<Api.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          replies.add(
              pool.submit(
                  () -> Api.bootstrap().post("/api/v1/users", "{\"email\":\"" + email + "\"}")));
        }
        int created = 0;
        for (Future<Api.Reply> f : replies) {
          Api.Reply reply = f.get();
          if (reply.status() == 201) {
            created++;
          } else {
            assertThat(reply.status()).as(reply.body()).isEqualTo(409);
            assertThat(reply.json().getString("code")).isEqualTo("email_taken");
            assertThat(reply.json().getString("status")).isEqualTo("error");
          }
        }
        assertThat(created).isEqualTo(1);
        assertThat(Db.single("select count(*) from users where lower(email) = lower(?)", email))
            .isEqualTo(1L);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aNulInAQueryParameterIsRefusedNamingTheParameter() {
    Api.Reply reply = Api.bootstrap().get("/api/v1/users?email=a%00b@it.example.com");
    assertError(reply, 400, "payload_error", "Payload error");
    assertThat(reply.json().getJsonArray("errors").toString())
        .contains("\"email\":\"must not contain the NUL character (U+0000)\"");
  }

  @Test
  void aNulInABodyIsRefusedNamingTheFieldAndStoresNothing() {
    String email = Api.email("nul");
    Api.Reply reply =
        Api.bootstrap()
            .post("/api/v1/users", "{\"email\":\"" + email + "\",\"first_name\":\"A\\u0000B\"}");
    assertError(reply, 400, "payload_error", "Payload error");
    assertThat(reply.json().getJsonArray("errors").toString()).contains("first_name");
    assertThat(Db.single("select count(*) from users where lower(email) = lower(?)", email))
        .isEqualTo(0L);
  }

  @Test
  void scenarioTriggerAndElementNamesAndTheEventNameAreHeldToTheirColumns() {
    String t = UUID.randomUUID().toString();
    String e = UUID.randomUUID().toString();
    String tooLong = "n".repeat(256);
    String doc =
        "{\"name\":\"long names\",\"triggers\":{\""
            + t
            + "\":{\"name\":\""
            + tooLong
            + "\",\"type\":\"event\",\"event\":{\"code\":\"event_received\"},"
            + "\"options\":{\"event_name\":\""
            + tooLong
            + "\"},\"elements\":[\""
            + e
            + "\"]}},\"elements\":{\""
            + e
            + "\":{\"name\":\""
            + tooLong
            + "\",\"type\":\"wait\",\"wait\":{\"minutes\":5}}}}";
    Api.Reply reply = Api.bootstrap().post("/api/v1/scenarios/create", doc);
    assertThat(reply.status()).as(reply.body()).isEqualTo(422);
    assertThat(reply.json().getString("code")).isEqualTo("validation_error");
    assertThat(reply.json().getJsonArray("errors").toString())
        .contains(
            "\"triggers." + t + "\":\"the name must have at most 255 characters\"",
            "\"triggers."
                + t
                + "\":\"event_received: option 'event_name' must have at most 255 characters\"",
            "\"elements." + e + "\":\"the name must have at most 255 characters\"");
  }

  @Test
  void aSegmentsCriteriaCannotBeNulledAndItsTimesStayInTheYears1To9999() {
    String code = "mi-" + UUID.randomUUID().toString().substring(0, 8);
    String criteria =
        "{\"type\":\"criterion\",\"key\":\"user.field\",\"params\":"
            + "{\"field\":\"created_at\",\"operator\":\"gt\",\"value\":\"%s\"}}";
    Api.Reply created =
        Api.bootstrap()
            .post(
                "/api/v1/segments",
                "{\"code\":\""
                    + code
                    + "\",\"name\":\"S\",\"criteria\":"
                    + criteria.formatted("2026-01-01T00:00:00Z")
                    + "}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    Api.Reply nulled = Api.bootstrap().put("/api/v1/segments/" + code, "{\"criteria\":null}");
    assertError(nulled, 400, "payload_error", "Payload error");
    assertThat(nulled.json().getJsonArray("errors").toString()).contains("\"criteria\"");
    assertThat(Db.single("select criteria is not null from segments where code = ?", code))
        .isEqualTo(true);
    Api.Reply far =
        Api.bootstrap()
            .post(
                "/api/v1/segments/count",
                "{\"criteria\":" + criteria.formatted("+999999999-01-01T00:00:00Z") + "}");
    assertError(far, 400, "payload_error", "Payload error");
    assertThat(far.json().getJsonArray("errors").toString()).contains("criteria.params.value");
  }

  @Test
  void responsesNameNoServerAndVersion() {
    for (Api.Reply reply :
        List.of(
            Api.bootstrap().get("/api/v1/api-resources"),
            Api.anonymous().get("/no-such-page/"),
            Api.anonymous().get("/login.xhtml"),
            Api.anonymous().send("TRACE", "/api/v1/users", null),
            // refused by Payara's connector before any application (no body: security.md, Input)
            Api.anonymous().get("/api/v1/users%ff"),
            // the server's own endpoints, given a method they do not take
            Api.anonymous().post("/openapi", "{}"),
            Api.anonymous().send("DELETE", "/health", null),
            Api.anonymous().send("PUT", "/metrics", "{}"),
            Api.anonymous().send("PROPFIND", "/", null),
            Api.anonymous().get("/WEB-INF/web.xml"))) {
      assertThat(reply.raw().headers().firstValue("X-Powered-By")).isEmpty();
      assertThat(reply.raw().headers().firstValue("Server")).isEmpty();
      assertThat(reply.body()).doesNotContain("Payara", "GlassFish");
    }
  }

  @Test
  void consoleRequestsTheContainerRefusesGetTheConsolesErrorPage() {
    record Case(String method, String path, int status, String title) {}
    for (Case c :
        List.of(
            new Case("GET", "/WEB-INF/web.xml", 403, "Not allowed"),
            new Case("PROPFIND", "/", 400, "Bad request"),
            new Case("DELETE", "/login.xhtml", 405, "Not allowed"),
            // the error page itself, requested directly, is no page
            new Case("GET", "/console-error", 404, "Page not found"),
            new Case("PUT", "/console-error", 404, "Page not found"))) {
      Api.Reply reply = Api.anonymous().send(c.method(), c.path(), null);
      assertThat(reply.status()).as(c + ": " + reply.body()).isEqualTo(c.status());
      assertThat(reply.raw().headers().firstValue("Content-Type").orElse(""))
          .as(c.toString())
          .startsWith("text/html");
      assertThat(reply.body())
          .as(c.toString())
          .contains("<h1 id=\"error-title\">" + c.title() + "</h1>")
          .doesNotContain("incident");
    }
  }

  @Test
  void traceIsRefusedInEachModulesFormAndNothingEchoesTheRequest() {
    Api.Reply api =
        Api.anonymous().header("Cookie", "JSESSIONID=echo-me").send("TRACE", "/api/v1/users", null);
    assertError(api, 405, "method_not_allowed", "Method not allowed");
    for (String path :
        List.of("/health", "/metrics", "/openapi", "/login.xhtml", "/no-such-page")) {
      Api.Reply reply =
          Api.anonymous().header("Cookie", "JSESSIONID=echo-me").send("TRACE", path, null);
      assertThat(reply.status()).as(path + ": " + reply.body()).isEqualTo(405);
      assertThat(reply.body())
          .as(path)
          .contains("<h1 id=\"error-title\">Not allowed</h1>")
          .doesNotContain("echo-me", "TRACE " + path);
    }
  }

  @Test
  void aNulInAHeaderIsRefusedByTheConnectorAndStoresNothing() {
    String email = Api.email("nul-header");
    RawHttp.Reply reply =
        RawHttp.direct()
            .header("Authorization", "Bearer " + TestServer.BOOTSTRAP_TOKEN)
            .header("Content-Type", "application/json\u0000x")
            .postJson("/api/v1/users", "{\"email\":\"" + email + "\"}");
    // Grizzly's header parser answers before any application (an empty 400: security.md, Input)
    assertThat(reply.status()).as(reply.all()).isEqualTo(400);
    assertThat(reply.all()).doesNotContain("Payara", "GlassFish", "Exception");
    assertThat(Db.single("select count(*) from users where lower(email) = lower(?)", email))
        .isEqualTo(0L);
  }

  @Test
  void apiRequestsTheContainerRefusesGetTheErrorShape() {
    for (String path :
        List.of(
            "/api/WEB-INF/web.xml",
            "/api/WEB-INF/beans.xml",
            "/api/META-INF/MANIFEST.MF",
            "/api/error-page")) {
      assertError(Api.anonymous().get(path), 404, "route_not_found", "Route not found");
    }
  }

  @Test
  void aGetWithABodyIsAnsweredByTheApplication() {
    Api.Reply reply = Api.bootstrap().send("GET", "/api/v1/api-resources", "{\"ignored\":true}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().getString("status")).isEqualTo("ok");
  }
}
