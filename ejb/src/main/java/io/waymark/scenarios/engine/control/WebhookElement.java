package io.waymark.scenarios.engine.control;

import io.waymark.platform.http.OutboundHeaders;
import io.waymark.platform.plugins.Param;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * {@code webhook} {url, headers?}: writes the call to the outbox in the job's transaction (so it
 * exists exactly when the job finished), keyed by the job id — one call per job — and the webhook
 * channel ({@code WebhookChannel}) POSTs it right after commit with {@code Idempotency-Key: <job
 * id>}, retrying with backoff.
 */
@Dependent
public class WebhookElement implements ElementType {

  /** The outbox channel of webhook calls. */
  public static final String CHANNEL = WebhookCallAction.CHANNEL;

  @Inject WebhookCallAction action;

  @Override
  public String key() {
    return "webhook";
  }

  @Override
  public int order() {
    return 70;
  }

  @Override
  public String label() {
    return "Webhook";
  }

  @Override
  public List<Param> params() {
    return WebhookCallAction.PARAMS;
  }

  @Override
  public void check(ElementCheck check) {
    String url = check.string("url", true);
    if (url != null) {
      check.references().outboundProblem(url).ifPresent(p -> check.problem("option 'url' " + p));
    }
    JsonValue headers = check.options().get("headers");
    if (headers == null || headers == JsonValue.NULL) {
      return;
    }
    if (!(headers instanceof JsonObject h
        && h.values().stream().allMatch(v -> v instanceof JsonString))) {
      check.problem("option 'headers' must be an object of string values");
      return;
    }
    headers
        .asJsonObject()
        .forEach(
            (name, value) ->
                OutboundHeaders.problem(name)
                    .or(() -> OutboundHeaders.valueProblem(name, ((JsonString) value).getString()))
                    .ifPresent(p -> check.problem("option 'headers': " + p)));
  }

  @Override
  public Outcome run(Visit visit) {
    // the call's key is the job id: the Idempotency-Key the receiver sees (SPEC §6)
    return Outcome.after(
        action.perform(
            ActionRequests.of(visit, visit.element().options(), Long.toString(visit.job().id()))));
  }
}
