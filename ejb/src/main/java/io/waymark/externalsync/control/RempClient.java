package io.waymark.externalsync.control;

import io.waymark.externalsync.entity.OutboxCall;
import io.waymark.platform.http.OutboundHttp;
import io.waymark.platform.json.JsonSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Calls REMP Campaign's segment cache: {@code POST
 * {url}/api/segment-cache/provider/crm_segment/code/{code}/add-user} (or {@code remove-user}) with
 * {@code {"user_id","segment_code"}} and the configured Bearer token. Asynchronous, so a batch of
 * calls waits for the slowest one only; every call is bounded by the configured timeout.
 */
@ApplicationScoped
public class RempClient {

  private static final System.Logger LOG = System.getLogger(RempClient.class.getName());

  @Inject RempSettings settings;

  @Inject OutboundHttp http;

  /**
   * Says at start-up, once, when the configured REMP URL is one the outbound guard refuses (an
   * intranet REMP needs {@code waymark.outbound.allowed-hosts}); every call would fail otherwise.
   */
  public void checkTarget() {
    if (settings.enabled()) {
      http.targetProblem(settings.baseUrl())
          .ifPresent(
              problem ->
                  LOG.log(
                      System.Logger.Level.ERROR,
                      "waymark.remp.campaign.url: {0}; no call to REMP Campaign can succeed",
                      problem));
    }
  }

  public CompletableFuture<CallResult> send(OutboxCall call) {
    String body =
        JsonSupport.JSON
            .createObjectBuilder()
            .add("user_id", call.userId())
            .add("segment_code", call.segmentCode())
            .build()
            .toString();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", "application/json");
    settings.token().ifPresent(token -> headers.put("Authorization", "Bearer " + token));
    try {
      return http.postJson(uri(call), headers, body, settings.timeout())
          .handle(
              (status, error) ->
                  error == null
                      ? CallResult.answered(status)
                      : CallResult.unreachable(describe(error)))
          // the client's timeout bounds the wait for each answer; this one the whole call
          .completeOnTimeout(
              CallResult.unreachable(
                  "no complete answer within " + settings.timeout().multipliedBy(2)),
              settings.timeout().multipliedBy(2).toMillis(),
              TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(CallResult.unreachable(describe(e)));
    }
  }

  private URI uri(OutboxCall call) {
    // segment codes are [a-z0-9_-]: nothing to encode
    return URI.create(
        settings.baseUrl()
            + "/api/segment-cache/provider/crm_segment/code/"
            + call.segmentCode()
            + "/"
            + call.action().path());
  }

  private static String describe(Throwable error) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    String message = cause.getMessage();
    return cause.getClass().getSimpleName()
        + (message == null || message.isBlank() ? "" : ": " + message);
  }
}
