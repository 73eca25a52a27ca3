package io.waymark.scenarios.engine.control;

import io.waymark.platform.actions.Action;
import io.waymark.platform.actions.ActionRequest;
import io.waymark.platform.actions.ActionResult;
import io.waymark.platform.json.JsonSupport;
import io.waymark.platform.outbox.Outbox;
import io.waymark.platform.plugins.Param;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.util.List;

/**
 * {@code webhook.call} {url, headers?}: writes the call to the outbox in the caller's transaction
 * under the request's key — one call per key — and the webhook channel ({@code WebhookChannel})
 * POSTs it right after commit with {@code Idempotency-Key: <key>}, retrying with backoff. The body
 * is the caller's context, then {@code user_id} and {@code trigger} (the payload).
 */
@Dependent
public class WebhookCallAction implements Action {

  /** Its params (the scenario element of the same name takes them as its options). */
  public static final List<Param> PARAMS =
      List.of(
          Param.required("url", "url", "where the call is POSTed (the outbound guard applies)"),
          Param.optional("headers", "headers", "extra request headers (stored sealed)"));

  /** The outbox channel of webhook calls. */
  public static final String CHANNEL = "webhook";

  @Inject Outbox outbox;

  @Override
  public String key() {
    return "webhook.call";
  }

  @Override
  public String label() {
    return "Call a webhook";
  }

  @Override
  public List<Param> params() {
    return PARAMS;
  }

  @Override
  public ActionResult perform(ActionRequest request) {
    String url = request.params().getString("url", null);
    if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
      return ActionResult.failed("the webhook url must be an http(s) URL: " + url);
    }
    try {
      URI.create(url);
    } catch (IllegalArgumentException e) {
      return ActionResult.failed("the webhook url is not valid: " + url);
    }
    JsonObject headers =
        request.params().get("headers") instanceof JsonObject h ? h : JsonObject.EMPTY_JSON_OBJECT;
    JsonObjectBuilder body = JsonSupport.JSON.createObjectBuilder(request.context());
    body.add("user_id", request.userId()).add("trigger", request.payload());
    outbox.enqueue(
        CHANNEL,
        request.key(),
        null,
        JsonSupport.JSON
            .createObjectBuilder()
            .add("url", url)
            .add("headers", headers)
            .add("body", body.build().toString())
            .build());
    return ActionResult.DONE;
  }
}
