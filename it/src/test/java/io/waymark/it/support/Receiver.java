package io.waymark.it.support;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One stand-in endpoint of the {@link StubServer}: it records every request it gets (with what it
 * answered) and answers what its {@link #answer responder} says — {@code 204 No Content} unless
 * told otherwise.
 */
public final class Receiver {

  /**
   * A request as received: path (without query), headers (first values, lower-case names), body.
   */
  public record Request(
      String method, String path, String query, Map<String, String> headers, String body) {

    public String header(String name) {
      return headers.get(name.toLowerCase());
    }

    /** The body as a JSON object, or {@code null} when it is none. */
    public JsonObject json() {
      try (var reader = Json.createReader(new StringReader(body))) {
        return reader.readObject();
      } catch (RuntimeException e) {
        return null;
      }
    }
  }

  /** What to answer: a status and a body (sent as {@code application/json} when not empty). */
  public record Answer(int status, String body) {
    public static final Answer NO_CONTENT = new Answer(204, "");

    public static Answer status(int status) {
      return new Answer(status, "");
    }
  }

  /** A request, the status it was answered and when it arrived. */
  public record Exchange(Request request, int answered, Instant at) {}

  private final String prefix;
  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  private volatile Function<Request, Answer> responder = request -> Answer.NO_CONTENT;

  Receiver(String prefix) {
    this.prefix = prefix;
  }

  /** The URL of this receiver (its prefix) on the stub server. */
  public String url() {
    return StubServer.url(prefix);
  }

  /** Answers every later request by this function (it may keep state; calls are concurrent). */
  public Receiver answer(Function<Request, Answer> responder) {
    this.responder = responder;
    return this;
  }

  /** Everything received so far, oldest first. */
  public List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  /** The requests received so far that match, oldest first. */
  public List<Exchange> exchanges(Predicate<Request> matching) {
    return exchanges.stream().filter(e -> matching.test(e.request())).toList();
  }

  void handle(HttpExchange exchange) throws IOException {
    try (exchange;
        InputStream in = exchange.getRequestBody()) {
      Instant at = Instant.now();
      Map<String, String> headers = new java.util.HashMap<>();
      exchange
          .getRequestHeaders()
          .forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
      Request request =
          new Request(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              exchange.getRequestURI().getRawQuery(),
              Map.copyOf(headers),
              new String(in.readAllBytes(), StandardCharsets.UTF_8));
      Answer answer;
      try {
        answer = responder.apply(request);
      } catch (RuntimeException e) {
        answer = new Answer(500, "{\"stub_error\":\"" + e.getClass().getSimpleName() + "\"}");
      }
      exchanges.add(new Exchange(request, answer.status(), at));
      byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
      if (body.length > 0) {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
      }
      exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        exchange.getResponseBody().write(body);
      }
    }
  }
}
