package io.waymark.it.mail;

import static io.waymark.it.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.waymark.it.scenarios.ScenarioGraphs;
import io.waymark.it.support.Api;
import io.waymark.it.support.Db;
import io.waymark.it.support.Goals;
import io.waymark.it.support.Mails;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The template limits ({@code waymark.templates.*}, defaults: 1,000,000 characters of output,
 * 10,000 loop iterations, 2 s): a template that would loop 20 million times is refused at save, at
 * preview and at an operator's send with a 422 that names the limit, the server goes on answering,
 * and a mail a scenario queues whose template breaks a limit for its user ends {@code failed} with
 * the reason (never sent, never retried).
 */
class TemplateLimitsIT {

  private static final String BOMB = "{% for i in range(1, 20000000) %}x{% endfor %}";
  private static final String RANGE_LIMIT =
      "range over 20,000,000 items exceeds the limit of 10,000 (line 1)";

  @Test
  void aTemplateLoopingTwentyMillionTimesIsRefusedAtSaveAndTheServerGoesOn() {
    String code = Mails.code("bomb");
    Api.Reply refused =
        Api.bootstrap()
            .post(
                "/api/v1/email-templates",
                Mails.body(code, "Bomb", "Hi", "<p>" + BOMB + "</p>", "x"));

    assertError(refused, 422, "validation_error", "Invalid template: html_body: " + RANGE_LIMIT);
    assertThat(refused.json().getJsonArray("errors").getJsonObject(0).getString("html_body"))
        .isEqualTo(RANGE_LIMIT);
    assertThat(Api.bootstrap().get("/api/v1/email-templates/" + code).status()).isEqualTo(404);

    // the same for an update, and for loops that only together run too often
    String fine = Mails.code("fine");
    Mails.create(fine, "Hi {{ user.email }}", "<p>fine</p>", "fine");
    assertError(
        Api.bootstrap()
            .put("/api/v1/email-templates/" + fine, Mails.body(null, "Fine", "Hi", "", BOMB)),
        422,
        "validation_error",
        "Invalid template: text_body: " + RANGE_LIMIT);
    assertError(
        Api.bootstrap()
            .put(
                "/api/v1/email-templates/" + fine,
                Mails.body(
                    null,
                    "Fine",
                    "Hi",
                    "",
                    "{% for i in range(1, 1000) %}{% for j in range(1, 1000) %}{% endfor %}{% endfor %}")),
        422,
        "validation_error",
        "Invalid template: text_body: loops run more than 10,000 times (line 1)");

    // the server answers the next request as usual, and the template is unchanged
    long user = Goals.user();
    Api.Reply preview =
        Api.bootstrap()
            .post("/api/v1/email-templates/" + fine + "/preview", "{\"user_id\":" + user + "}");
    assertThat(preview.status()).as(preview.body()).isEqualTo(200);
    assertThat(preview.json().getJsonObject("preview").getString("text")).isEqualTo("fine");
  }

  @Test
  void aPreviewOrSendOverALimitForItsDataIsA422NamingTheLimit() {
    // saved: without data the loop runs zero times; with n = 20,000,000 it would run 20 million
    String code = Mails.code("data-bomb");
    Mails.create(
        code,
        "Hi",
        "<p>{% for i in range(1, n) %}x{% endfor %}</p>",
        "{% for i in range(1, 10000) %}{{ s }}{% endfor %}");
    long user = Goals.user();

    assertError(
        Api.bootstrap()
            .post(
                "/api/v1/email-templates/" + code + "/preview",
                "{\"user_id\":" + user + ",\"params\":{\"n\":20000000}}"),
        422,
        "validation_error",
        "Invalid template: html_body: " + RANGE_LIMIT);
    String longText = "y".repeat(200);
    assertError(
        Api.bootstrap()
            .post(
                "/api/v1/email-templates/" + code + "/preview",
                "{\"user_id\":" + user + ",\"params\":{\"n\":2,\"s\":\"" + longText + "\"}}"),
        422,
        "validation_error",
        "Invalid template: text_body: output exceeds 1,000,000 characters");
    assertError(
        Mails.send(code, user, "{\"n\":20000000}", null),
        422,
        "validation_error",
        "Invalid template: html_body: " + RANGE_LIMIT);
    assertThat(
            Db.single(
                "select count(*) from outbox_items where channel = 'mail' and (payload ->> 'user_id')::bigint = ?",
                user))
        .isEqualTo(0L);

    // and within the limits the same template renders
    Api.Reply fine =
        Api.bootstrap()
            .post(
                "/api/v1/email-templates/" + code + "/preview",
                "{\"user_id\":" + user + ",\"params\":{\"n\":3,\"s\":\"ab\"}}");
    assertThat(fine.status()).as(fine.body()).isEqualTo(200);
    assertThat(fine.json().getJsonObject("preview").getString("html")).isEqualTo("<p>xxx</p>");
    assertThat(fine.json().getJsonObject("preview").getString("text"))
        .isEqualTo("ab".repeat(10000));
  }

  @Test
  void aMailAScenarioQueuesWhoseTemplateBreaksALimitEndsFailedWithTheReason() {
    String code = Mails.code("job-bomb");
    Mails.create(
        code, "Hi {{ user.email }}", "", "{% for i in range(1, trigger.n) %}x{% endfor %}");
    String event = "mail-limit-" + UUID.randomUUID().toString().substring(0, 8);
    ScenarioGraphs s = ScenarioGraphs.scenario();
    var email = s.element("email", "{\"template_code\":\"" + code + "\"}");
    s.trigger("event_received", event, email);
    s.enable();
    long user = Goals.user();

    Api.Reply tracked =
        Api.bootstrap()
            .post(
                "/api/v1/events",
                "{\"user_id\":"
                    + user
                    + ",\"name\":\""
                    + event
                    + "\",\"properties\":{\"n\":20000000}}");
    assertThat(tracked.status()).as(tracked.body()).isEqualTo(200);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "failed".equals(ScenarioGraphs.state(email, user)));
    List<Object> mail =
        Db.query(
                "select coalesce(outcome, state), attempts, last_error from outbox_items"
                    + " where channel = 'mail' and (payload ->> 'user_id')::bigint = ? and payload ->> 'template_code' = ?",
                user,
                code)
            .get(0);
    assertThat(mail.get(0)).isEqualTo("dead");
    assertThat(mail.get(1)).as("never handed to the sender").isEqualTo(0);
    assertThat((String) mail.get(2))
        .isEqualTo("template '" + code + "': text_body: " + RANGE_LIMIT);
    assertThat(
            (String)
                Db.single(
                    "select last_error from scenario_jobs where element_id = ? and user_id = ?",
                    email.id(),
                    user))
        .contains(RANGE_LIMIT);
    s.delete();
  }
}
