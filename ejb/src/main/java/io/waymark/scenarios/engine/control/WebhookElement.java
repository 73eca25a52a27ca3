package io.waymark.scenarios.engine.control;

import io.waymark.platform.db.Jdbc;
import io.waymark.platform.json.JsonSupport;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.URI;

/**
 * {@code webhook} {url, headers?}: writes the call to the delivery outbox in the job's transaction
 * (so it exists exactly when the job finished) — one row per job, unique — and the webhook sweeper
 * POSTs it with {@code Idempotency-Key: <job id>}, retrying with backoff.
 */
@Dependent
public class WebhookElement {

  @Inject Jdbc jdbc;

  public Outcome run(Visit visit) {
    JsonObject options = visit.element().options();
    String url = options.getString("url", null);
    if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
      return new Outcome.Failed("the webhook url must be an http(s) URL: " + url);
    }
    try {
      URI.create(url);
    } catch (IllegalArgumentException e) {
      return new Outcome.Failed("the webhook url is not valid: " + url);
    }
    JsonObject headers =
        options.get("headers") instanceof JsonObject h ? h : JsonObject.EMPTY_JSON_OBJECT;
    String body =
        JsonSupport.JSON
            .createObjectBuilder()
            .add("scenario_id", visit.job().scenarioId())
            .add("element_id", visit.element().uuid())
            .add("user_id", visit.job().userId())
            .add("trigger", ConditionElement.payload(visit.job().context()))
            .build()
            .toString();
    jdbc.update(
        "insert into scenario_webhook_deliveries (job_id, url, headers, body, state, due_at, created_at)"
            + " values (?, ?, ?, ?, 'pending', ?, ?) on conflict (job_id) do nothing",
        visit.job().id(),
        url,
        headers.toString(),
        body,
        visit.now(),
        visit.now());
    return Outcome.POSITIVE;
  }
}
