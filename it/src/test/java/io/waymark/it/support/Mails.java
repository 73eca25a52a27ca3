package io.waymark.it.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Email-template fixtures for the tests. */
public final class Mails {

  private Mails() {}

  public static String code(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public static String body(String code, String name, String subject, String html, String text) {
    var json = Json.createObjectBuilder();
    if (code != null) {
      json.add("code", code);
    }
    return json.add("name", name)
        .add("subject", subject)
        .add("html_body", html)
        .add("text_body", text)
        .build()
        .toString();
  }

  /** Creates a template with the bootstrap token and returns it. */
  public static JsonObject create(String code, String subject, String html, String text) {
    Api.Reply reply =
        Api.bootstrap()
            .post("/api/v1/email-templates", body(code, "Template " + code, subject, html, text));
    if (reply.status() != 201) {
      throw new AssertionError("template not created: " + reply.status() + " " + reply.body());
    }
    return reply.json().getJsonObject("template");
  }

  public static Api.Reply send(String code, long userId, String paramsJson, String idempotencyKey) {
    String body =
        "{\"user_id\":"
            + userId
            + (paramsJson == null ? "" : ",\"params\":" + paramsJson)
            + (idempotencyKey == null ? "" : ",\"idempotency_key\":\"" + idempotencyKey + "\"")
            + "}";
    return Api.bootstrap().post("/api/v1/email-templates/" + code + "/send", body);
  }

  /** The SMTP port the IT server sends to ({@code it.mail.port}). */
  public static final int SMTP_PORT = Integer.parseInt(System.getProperty("it.mail.port", "28097"));

  /** A real SMTP server (GreenMail) where the IT server delivers; stop it after the test class. */
  public static GreenMail startSmtp() {
    GreenMail server =
        new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    return server;
  }

  public static List<MimeMessage> received(GreenMail smtp, String recipient) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(
            m -> {
              try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
              } catch (MessagingException e) {
                throw new AssertionError(e);
              }
            })
        .toList();
  }
}
