package io.waymark.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.UUID;

/** Email-template fixtures for the tests. */
final class Mails {

  private Mails() {}

  static String code(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static String body(String code, String name, String subject, String html, String text) {
    var json = Json.createObjectBuilder();
    if (code != null) {
      json.add("code", code);
    }
    return json.add("name", name).add("subject", subject).add("html_body", html).add("text_body", text).build().toString();
  }

  /** Creates a template with the bootstrap token and returns it. */
  static JsonObject create(String code, String subject, String html, String text) {
    Api.Reply reply = Api.bootstrap().post("/api/v1/email-templates", body(code, "Template " + code, subject, html, text));
    if (reply.status() != 201) {
      throw new AssertionError("template not created: " + reply.status() + " " + reply.body());
    }
    return reply.json().getJsonObject("template");
  }

  static Api.Reply send(String code, long userId, String paramsJson, String idempotencyKey) {
    String body = "{\"user_id\":" + userId + (paramsJson == null ? "" : ",\"params\":" + paramsJson)
        + (idempotencyKey == null ? "" : ",\"idempotency_key\":\"" + idempotencyKey + "\"") + "}";
    return Api.bootstrap().post("/api/v1/email-templates/" + code + "/send", body);
  }
}
