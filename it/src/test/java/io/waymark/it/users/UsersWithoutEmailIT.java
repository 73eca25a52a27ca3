package io.waymark.it.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.waymark.it.scenarios.ScenarioGraphs;
import io.waymark.it.support.Api;
import io.waymark.it.support.Db;
import io.waymark.it.support.Goals;
import io.waymark.it.support.Mails;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Users without an email (issue #17 item 5, SPEC §7a): the schema allows them — SMS-only users
 * arrive with the SMS module and the import, played here by clearing the column in SQL — and the
 * paths that assumed an email handle them: the API answers them, mail to them is recorded and never
 * sent, an operator's test send says why.
 */
class UsersWithoutEmailIT {

  private static long phoneOnlyUser() {
    long id = Goals.user();
    assertThat(Db.update("update users set email = null where id = ?", id)).isEqualTo(1);
    return id;
  }

  @Test
  void theApiAnswersThemAndTheEmailCannotBeGivenAway() {
    long id = phoneOnlyUser();
    Api.Reply user = Api.bootstrap().get("/api/v1/users/" + id);
    assertThat(user.status()).isEqualTo(200);
    assertThat(user.json().getJsonObject("user").isNull("email")).isTrue();
    // a patch of other fields works; removing the (absent) email again is still refused
    assertThat(
            Api.bootstrap()
                .send("PATCH", "/api/v1/users/" + id, "{\"first_name\":\"Sms\"}")
                .status())
        .isEqualTo(200);
    assertThat(
            Api.bootstrap()
                .send("PATCH", "/api/v1/users/" + id, "{\"email\":null}")
                .json()
                .getString("code"))
        .isEqualTo("contact_required");
  }

  @Test
  void mailToThemIsRecordedNotSentAndATestSendSaysWhy() {
    String template = "noemail-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(
            Api.bootstrap()
                .post(
                    "/api/v1/email-templates",
                    Mails.body(template, "Hello", "Hi {{ user.first_name }}", "<p>Hi</p>", "Hi"))
                .status())
        .isEqualTo(201);
    long id = phoneOnlyUser();
    Api.Reply send =
        Api.bootstrap()
            .post("/api/v1/email-templates/" + template + "/send", "{\"user_id\":" + id + "}");
    assertThat(send.status()).as(send.body()).isEqualTo(409);
    assertThat(send.json().getString("code")).isEqualTo("email_missing");

    // a journey's email step: the job fails with the reason, the message is dead, nothing is sent
    String goal = Goals.createSimple("noemail");
    ScenarioGraphs s = ScenarioGraphs.scenario();
    var email = s.element("email", "{\"template_code\":\"" + template + "\"}");
    s.trigger("goal_completed", goal, email);
    s.enable();
    try {
      assertThat(Goals.complete(goal, id).status()).isEqualTo(200);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> "failed".equals(ScenarioGraphs.state(email, id)));
      assertThat(
              Db.single(
                  "select last_error from scenario_jobs where element_id = ? and user_id = ?",
                  email.id(),
                  id))
          .isEqualTo("email user " + id + " has no email address");
      assertThat(
              Db.query(
                  "select state, last_error from outbox_items where channel = 'mail'"
                      + " and (payload ->> 'user_id')::bigint = ?",
                  id))
          .containsExactly(java.util.List.of("dead", "user " + id + " has no email address"));
    } finally {
      s.delete();
    }
  }
}
