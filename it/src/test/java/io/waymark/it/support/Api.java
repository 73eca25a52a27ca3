package io.waymark.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A small HTTP client for the tests: the real EAR on Payara, over HTTP, as any API client would
 * call it.
 */
public final class Api {

  public static final String BASE = TestServer.BASE;
  public static final String BOOTSTRAP_TOKEN = TestServer.BOOTSTRAP_TOKEN;
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  public record Reply(int status, String body, HttpResponse<String> raw) {
    public JsonObject json() {
      try (var reader = Json.createReader(new StringReader(body))) {
        return reader.readObject();
      } catch (RuntimeException e) {
        throw new AssertionError("Not a JSON object (status " + status + "): " + body, e);
      }
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  private final Map<String, String> headers = new LinkedHashMap<>();

  private Api() {}

  public static Api anonymous() {
    return new Api();
  }

  public static Api withToken(String token) {
    return new Api().header("Authorization", "Bearer " + token);
  }

  public static Api bootstrap() {
    return withToken(BOOTSTRAP_TOKEN);
  }

  public Api header(String name, String value) {
    Api copy = new Api();
    copy.headers.putAll(headers);
    copy.headers.put(name, value);
    return copy;
  }

  public Reply get(String path) {
    return send("GET", path, null);
  }

  public Reply post(String path, String body) {
    return send("POST", path, body);
  }

  public Reply put(String path, String body) {
    return send("PUT", path, body);
  }

  public Reply delete(String path) {
    return send("DELETE", path, null);
  }

  public Reply send(String method, String path, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(BASE + path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null
        && headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
      request.header("Content-Type", "application/json");
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** A unique email for this test run. */
  public static String email(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 12) + "@it.example.com";
  }

  /** Creates a user with the bootstrap token and returns its JSON. */
  public static JsonObject createUser(String email, String password) {
    String body =
        password == null
            ? "{\"email\":\"" + email + "\"}"
            : "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
    Reply reply = bootstrap().post("/api/v1/users", body);
    if (reply.status() != 201) {
      throw new AssertionError("user not created: " + reply.status() + " " + reply.body());
    }
    return reply.json().getJsonObject("user");
  }

  /** Creates an API token granted the given resources; returns its secret and id. */
  public static Map.Entry<String, Long> createToken(String ipRestrictions, String... resources) {
    StringBuilder list = new StringBuilder();
    for (String r : resources) {
      list.append(list.length() == 0 ? "" : ",").append('"').append(r).append('"');
    }
    String body =
        "{\"name\":\"it-"
            + UUID.randomUUID()
            + "\",\"ip_restrictions\":"
            + (ipRestrictions == null ? "null" : "\"" + ipRestrictions + "\"")
            + ",\"resources\":["
            + list
            + "]}";
    Reply reply = bootstrap().post("/api/v1/api-tokens", body);
    if (reply.status() != 201) {
      throw new AssertionError("token not created: " + reply.status() + " " + reply.body());
    }
    return Map.entry(
        reply.json().getString("token"),
        reply.json().getJsonObject("api_token").getJsonNumber("id").longValue());
  }

  public static boolean isNull(JsonObject o, String key) {
    return o.containsKey(key) && o.get(key).getValueType() == JsonValue.ValueType.NULL;
  }
}
