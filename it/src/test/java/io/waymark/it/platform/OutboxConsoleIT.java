package io.waymark.it.platform;

import static io.waymark.it.support.TestServer.BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.waymark.it.scenarios.ScenarioGraphs;
import io.waymark.it.support.Api;
import io.waymark.it.support.Browser;
import io.waymark.it.support.Console;
import io.waymark.it.support.Db;
import io.waymark.it.support.Receiver;
import io.waymark.it.support.StubServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The outbox page in headless Chromium: a webhook call that used up its attempts is dead, shown
 * with its attempts and last error; once the receiver is back, "retry" delivers it (with the same
 * Idempotency-Key), and a viewer sees no retry button.
 */
class OutboxConsoleIT {

  @RegisterExtension final Console console = new Console();

  private static final Duration WAIT = Duration.ofSeconds(90);

  @Test
  void aDeadWebhookCallIsShownAndRetriedFromTheConsole() {
    AtomicBoolean back = new AtomicBoolean();
    Receiver hook =
        StubServer.receiver(StubServer.uniquePath("webhooks"))
            .answer(r -> back.get() ? Receiver.Answer.NO_CONTENT : Receiver.Answer.status(502));
    var journey = ScenarioGraphs.webhookJourney(hook.url(), "outbox-console");
    var webhook = journey.webhook();
    long user = journey.user();

    // 5 attempts, 1 s doubling (the IT server's settings): dead within some 15 s
    await().atMost(WAIT).until(() -> "dead".equals(item(webhook, user).get(1)));
    long id = ((Number) item(webhook, user).get(0)).longValue();
    assertThat(hook.exchanges()).hasSize(5);

    String viewerEmail = Api.email("outbox-viewer");
    Browser viewer = console.signedInAsNewViewer(viewerEmail, "viewer-password-1");
    viewer.open(BASE + "/admin/outbox/list.xhtml?channel=webhook&state=dead&item=" + id);
    viewer.text(By.id("item-error"), "HTTP 502");
    assertThat(viewer.present(By.id("retry:submit"))).as("a viewer may not retry").isFalse();

    Browser admin = console.signedIn();
    admin.driver().findElement(By.cssSelector("a.wm-nav-outbox")).click();
    admin.visible(By.id("counts"));
    admin.open(BASE + "/admin/outbox/list.xhtml?channel=webhook&state=dead");
    admin.text(By.id("items"), String.valueOf(id));
    admin.open(BASE + "/admin/outbox/list.xhtml?item=" + id);
    admin.text(By.id("item-state"), "dead after 5 attempt(s)");
    admin.text(By.id("item-payload"), hook.url());

    back.set(true);
    admin.driver().findElement(By.id("retry:submit")).click();
    admin.text(By.id("messages"), "pending again");
    await().atMost(WAIT).until(() -> "done".equals(item(webhook, user).get(1)));
    assertThat(hook.exchanges()).hasSize(6);
    assertThat(hook.exchanges())
        .extracting(e -> e.request().header("Idempotency-Key"))
        .containsOnly(hook.exchanges().get(0).request().header("Idempotency-Key"));
    admin.open(BASE + "/admin/outbox/list.xhtml?item=" + id);
    admin.text(By.id("item-state"), "done (delivered) after 1 attempt(s)");
  }

  /** The user's webhook item: [id, state]. */
  private static List<Object> item(ScenarioGraphs.Element webhook, long user) {
    List<List<Object>> rows =
        Db.query(
            "select d.id, d.state from outbox_items d"
                + " join scenario_jobs j on j.id::text = d.unique_key and d.channel = 'webhook'"
                + " where j.element_id = ? and j.user_id = ?",
            webhook.id(),
            user);
    return rows.isEmpty() ? List.of(0L, "none") : rows.get(0);
  }
}
