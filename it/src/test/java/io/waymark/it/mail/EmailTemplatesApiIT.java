package io.waymark.it.mail;

import static io.waymark.it.support.ApiAssertions.assertDenied;
import static io.waymark.it.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.it.support.Api;
import io.waymark.it.support.Db;
import io.waymark.it.support.Mails;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Email templates over the API: create, read, list, update, the errors, and the preview for a user.
 */
class EmailTemplatesApiIT {

  @Test
  void templatesAreCreatedReadListedAndUpdatedButTheirCodeNeverChanges() {
    String code = Mails.code("crud");
    Api.Reply created =
        Api.bootstrap()
            .post(
                "/api/v1/email-templates",
                Mails.body(code, "Welcome", "Hello {{ user.public_name }}", "<p>Hi</p>", "Hi"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonObject template = created.json().getJsonObject("template");
    assertThat(template.getString("code")).isEqualTo(code);
    assertThat(template.getString("subject")).isEqualTo("Hello {{ user.public_name }}");
    assertThat(template.getString("created_at")).isNotBlank();

    Api.Reply read = Api.bootstrap().get("/api/v1/email-templates/" + code);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().getJsonObject("template").getString("html_body")).isEqualTo("<p>Hi</p>");

    Api.Reply updated =
        Api.bootstrap()
            .put(
                "/api/v1/email-templates/" + code,
                Mails.body(null, "Welcome 2", "S", "", "Text only"));
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    assertThat(updated.json().getJsonObject("template").getString("name")).isEqualTo("Welcome 2");
    assertThat(updated.json().getJsonObject("template").getString("html_body")).isEmpty();

    assertError(
        Api.bootstrap()
            .put("/api/v1/email-templates/" + code, Mails.body("other", "n", "s", "h", "t")),
        409,
        "immutable_field",
        "The code of a template cannot be changed");
    assertError(
        Api.bootstrap().post("/api/v1/email-templates", Mails.body(code, "Again", "s", "h", "t")),
        409,
        "code_taken",
        "Template code '" + code + "' is already taken");
  }

  @Test
  void aSendRetriedWithItsIdempotencyKeyQueuesOneMessage() {
    String code = Mails.code("once");
    Mails.create(code, "Hi {{ user.email }}", "<p>Hi</p>", "Hi");
    long user = io.waymark.it.support.Goals.user();
    String body = "{\"user_id\":" + user + ",\"idempotency_key\":\"k-" + user + "\"}";
    Api.Reply first = Api.bootstrap().post("/api/v1/email-templates/" + code + "/send", body);
    Api.Reply again = Api.bootstrap().post("/api/v1/email-templates/" + code + "/send", body);
    assertThat(first.status()).as(first.body()).isEqualTo(202);
    assertThat(again.status()).as(again.body()).isEqualTo(202);
    assertThat(again.json().getJsonNumber("message_id").longValue())
        .isEqualTo(first.json().getJsonNumber("message_id").longValue());
    assertThat(
            ((Number)
                    Db.single(
                        "select count(*) from outbox_items where channel = 'mail' and payload->>'template_code' = ?",
                        code))
                .longValue())
        .isEqualTo(1);
  }

  @Test
  void theListIsPagedByCursor() {
    List<String> codes = List.of(Mails.code("list"), Mails.code("list"), Mails.code("list"));
    codes.forEach(c -> Mails.create(c, "s", "h", "t"));
    List<String> seen = new ArrayList<>();
    String next = null;
    do {
      Api.Reply page =
          Api.bootstrap()
              .get("/api/v1/email-templates?limit=2" + (next == null ? "" : "&after=" + next));
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.json().getJsonArray("items").size()).isLessThanOrEqualTo(2);
      page.json().getJsonArray("items").forEach(v -> seen.add(v.asJsonObject().getString("code")));
      next = page.json().isNull("next") ? null : page.json().getString("next");
    } while (next != null);
    assertThat(seen).containsAll(codes).doesNotHaveDuplicates();
  }

  @Test
  void errorsNameTheProblem() {
    assertError(
        Api.bootstrap().get("/api/v1/email-templates/no-such-template"),
        404,
        "template_not_found",
        "template 'no-such-template' not found");
    assertError(
        Api.bootstrap()
            .put("/api/v1/email-templates/no-such-template", Mails.body(null, "n", "s", "h", "t")),
        404,
        "template_not_found",
        "template 'no-such-template' not found");
    assertError(
        Api.bootstrap().post("/api/v1/email-templates", "{\"code\":"),
        400,
        "malformed_json",
        "Malformed JSON");

    Api.Reply wrongType =
        Api.bootstrap().post("/api/v1/email-templates", "{\"code\":\"typed\",\"subject\":5}");
    assertError(wrongType, 400, "payload_error", "Payload error");
    assertThat(wrongType.json().getJsonArray("errors").toString()).contains("subject");
    Api.Reply noName =
        Api.bootstrap()
            .post(
                "/api/v1/email-templates",
                "{\"code\":\""
                    + Mails.code("noname")
                    + "\",\"subject\":\"s\",\"html_body\":\"\",\"text_body\":\"t\"}");
    assertError(noName, 400, "payload_error", "Payload error");
    assertThat(noName.json().getJsonArray("errors").toString()).contains("name");

    Api.Reply badCode =
        Api.bootstrap().post("/api/v1/email-templates", Mails.body("Bad Code", "n", "s", "h", "t"));
    assertError(badCode, 400, "payload_error", "Payload error");
    assertThat(badCode.json().getJsonArray("errors").toString()).contains("code");

    String code = Mails.code("syntax");
    Api.Reply syntax =
        Api.bootstrap()
            .post(
                "/api/v1/email-templates",
                Mails.body(code, "n", "s", "<p>\n{% if user.id %}open", "t"));
    assertThat(syntax.status()).as(syntax.body()).isEqualTo(422);
    assertThat(syntax.json().getString("code")).isEqualTo("validation_error");
    JsonObject error = syntax.json().getJsonArray("errors").getJsonObject(0);
    assertThat(error.getString("html_body")).contains("line 2");
    assertError(
        Api.bootstrap().get("/api/v1/email-templates/" + code),
        404,
        "template_not_found",
        "template '" + code + "' not found");

    assertDenied(Api.anonymous().get("/api/v1/email-templates"), "Authorization header is missing");
  }

  @Test
  void previewRendersForAUserWithParamsAndEscapesOnlyTheHtml() {
    String code = Mails.code("preview");
    Mails.create(
        code,
        "Hi {{ user.email }} on {{ trigger.plan }}",
        "<b>{{ trigger.plan }}</b> {{ user.id }}",
        "Plan: {{ trigger.plan }}");
    JsonObject user = Api.createUser(Api.email("preview"), null);
    long userId = user.getJsonNumber("id").longValue();

    Api.Reply preview =
        Api.bootstrap()
            .post(
                "/api/v1/email-templates/" + code + "/preview",
                "{\"user_id\":" + userId + ",\"params\":{\"trigger\":{\"plan\":\"<gold>\"}}}");
    assertThat(preview.status()).as(preview.body()).isEqualTo(200);
    JsonObject rendered = preview.json().getJsonObject("preview");
    assertThat(rendered.getString("recipient")).isEqualTo(user.getString("email"));
    assertThat(rendered.getString("subject"))
        .isEqualTo("Hi " + user.getString("email") + " on <gold>");
    assertThat(rendered.getString("html")).isEqualTo("<b>&lt;gold&gt;</b> " + userId);
    assertThat(rendered.getString("text")).isEqualTo("Plan: <gold>");
    assertThat(
            Db.single(
                "select count(*) from outbox_items where channel = 'mail' and payload ->> 'template_code' = ?",
                code))
        .isEqualTo(0L);

    assertError(
        Api.bootstrap()
            .post("/api/v1/email-templates/" + code + "/preview", "{\"user_id\":301109999}"),
        404,
        "user_not_found",
        "user with ID '301109999' not found");
    assertError(
        Api.bootstrap()
            .post(
                "/api/v1/email-templates/" + code + "/preview",
                "{\"user_id\":" + userId + ",\"params\":[1]}"),
        400,
        "payload_error",
        "Payload error");
    assertError(
        Api.bootstrap()
            .post("/api/v1/email-templates/no-such/preview", "{\"user_id\":" + userId + "}"),
        404,
        "template_not_found",
        "template 'no-such' not found");
  }

  @Test
  void aTokenNeedsTheTemplateResources() {
    var token = Api.createToken(null, "email-templates.list");
    assertThat(Api.withToken(token.getKey()).get("/api/v1/email-templates").status())
        .isEqualTo(200);
    assertThat(
            Api.withToken(token.getKey())
                .post("/api/v1/email-templates", Mails.body(Mails.code("x"), "n", "s", "h", "t"))
                .status())
        .isEqualTo(403);
    assertThat(
            Api.withToken(token.getKey())
                .post("/api/v1/email-templates/x/send", "{\"user_id\":1}")
                .status())
        .isEqualTo(403);
  }
}
