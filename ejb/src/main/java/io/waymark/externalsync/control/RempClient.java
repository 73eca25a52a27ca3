package io.waymark.externalsync.control;

import io.waymark.externalsync.entity.OutboxCall;
import io.waymark.platform.json.JsonSupport;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

  @Inject RempSettings settings;

  private HttpClient http;

  @PostConstruct
  void init() {
    http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public CompletableFuture<CallResult> send(OutboxCall call) {
    String body =
        JsonSupport.JSON
            .createObjectBuilder()
            .add("user_id", call.userId())
            .add("segment_code", call.segmentCode())
            .build()
            .toString();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(call))
            .timeout(settings.timeout())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    settings.token().ifPresent(token -> request.header("Authorization", "Bearer " + token));
    try {
      return http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
          .handle(
              (response, error) ->
                  error == null
                      ? CallResult.answered(response.statusCode())
                      : CallResult.unreachable(describe(error)))
          // the timeout above bounds the wait for the headers; this one the whole call
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
