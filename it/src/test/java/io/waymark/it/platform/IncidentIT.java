package io.waymark.it.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.waymark.it.support.Api;
import io.waymark.it.support.Db;
import io.waymark.it.support.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An unexpected failure (here: a table gone from under the application) answers 500 in the error
 * shape with an incident id and nothing of the failure itself, and the server log has that id with
 * the stack trace, so an operator can find what the caller saw.
 */
class IncidentIT {

  private static final Path LOG =
      Path.of(TestServer.DATA_DIR, "payara6/glassfish/domains/waymark/logs/server.log");
  private static final Pattern INCIDENT =
      Pattern.compile("Internal server error \\(incident ([0-9a-f-]{36})\\)");

  @Test
  void aFailureAnswersItsIncidentIdAndTheLogHasIt() throws Exception {
    Api.Reply reply;
    // the one arrangement no API can make: the application's table disappears for a moment
    Db.update("alter table email_templates rename to email_templates_hidden_by_it");
    try {
      reply = Api.bootstrap().get("/api/v1/email-templates/anything");
    } finally {
      Db.update("alter table email_templates_hidden_by_it rename to email_templates");
    }
    assertThat(reply.status()).as(reply.body()).isEqualTo(500);
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    assertThat(reply.json().getString("status")).isEqualTo("error");
    assertThat(reply.json().getString("code")).isEqualTo("internal_server_error");
    Matcher incident = INCIDENT.matcher(reply.json().getString("message"));
    assertThat(incident.matches()).as(reply.body()).isTrue();
    assertThat(reply.body())
        .as("nothing of the failure reaches the caller")
        .doesNotContainIgnoringCase("email_templates")
        .doesNotContainIgnoringCase("sql")
        .doesNotContain("Exception")
        .doesNotContain("at io.waymark");

    String id = incident.group(1);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              String log = Files.readString(LOG, StandardCharsets.UTF_8);
              int at = log.indexOf("Incident " + id + ": unexpected failure");
              assertThat(at).as("the incident in the server log").isNotNegative();
              // Payara's record: "[time] [Payara …] [SEVERE] [] [logger] … [[\n  Incident …", then
              // the trace
              int severe = log.lastIndexOf("[SEVERE]", at);
              assertThat(severe).as("logged as SEVERE").isNotNegative();
              assertThat(at - severe).as("the SEVERE level is this record's").isLessThan(600);
              assertThat(log.substring(at, Math.min(log.length(), at + 6000)))
                  .as("with what failed")
                  .contains("email_templates");
            });
    assertThat(Api.bootstrap().get("/api/v1/email-templates/anything").status())
        .as("the table is back")
        .isEqualTo(404);
  }
}
