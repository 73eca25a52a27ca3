package io.waymark.it.sms;

import static io.waymark.it.support.ApiAssertions.assertDenied;
import static io.waymark.it.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.it.support.Api;
import io.waymark.it.support.Db;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SMS gateway's webhook skeleton (#16 item 6, SPEC §7): authenticated by the gateway's shared
 * secret (the IT server's {@code waymark.sms.webhook.token}; the IP allow-list is unit-tested, one
 * loopback client cannot fake another address), its XML body parsed safely, every command unknown
 * until the SMS issue registers {@code receive} and {@code status}. Errors are the JSON error
 * shape.
 */
class MobiletechWebhookIT {

  private static final String PATH = "/api/v1/mobiletech/webhook";
  private static final String TOKEN =
      System.getProperty("it.sms.webhook-token", "it-sms-webhook-3d9a6f2c71e4");

  private static final String RECEIVE =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><message command=\"receive\"><id>%s</id>"
          + "<serv_id>7</serv_id><project_id>3</project_id><from>421901123456</from><to>8866</to>"
          + "<content>START</content><content_encoding>text</content_encoding><dcs>0</dcs>"
          + "<esm>0</esm><operator_type>T</operator_type>"
          + "<receive_date>2026-12-01 10:00:00</receive_date></message>";

  private static String receive() {
    return RECEIVE.formatted(UUID.randomUUID());
  }

  private static Api gateway() {
    return Api.anonymous().header("Content-Type", "text/xml; charset=UTF-8");
  }

  @Test
  void withoutTheTokenTheGatewayIsRefused() {
    assertDenied(gateway().post(PATH, receive()), "Authorization header is missing");
    assertDenied(gateway().post(PATH + "?token=", receive()), "Authorization header is missing");
  }

  @Test
  void aWrongTokenIsRefusedAsQueryParameterOrBearer() {
    assertDenied(gateway().post(PATH + "?token=" + TOKEN + "x", receive()), "Token does not exist");
    assertDenied(
        gateway().header("Authorization", "Bearer wrong-" + TOKEN).post(PATH, receive()),
        "Token does not exist");
    assertDenied(
        gateway().header("Authorization", "Basic " + TOKEN).post(PATH, receive()),
        "Authorization header is malformed");
  }

  @Test
  void noApiTokenReachesTheWebhook() {
    assertDenied(Api.bootstrap().post(PATH, receive()), "Token does not exist");
  }

  @Test
  void aRefusedCallersBodyIsNeverParsed() {
    // 403, not 400: authentication comes before the body
    assertDenied(gateway().post(PATH, "<message"), "Authorization header is missing");
  }

  @Test
  void aWellFormedMessageWithTheTokenReachesTheCommandsOfWhichNoneExistsYet() {
    assertError(
        gateway().post(PATH + "?token=" + TOKEN, receive()),
        400,
        "unknown_command",
        "Unknown command 'receive'");
    assertError(
        gateway()
            .header("Authorization", "Bearer " + TOKEN)
            .post(PATH, "<message command=\"status\"><id>x-1</id><status>D1</status></message>"),
        400,
        "unknown_command",
        "Unknown command 'status'");
    assertError(
        gateway().post(PATH + "?token=" + TOKEN, "<message command=\"send\"/>"),
        400,
        "unknown_command",
        "Unknown command 'send'");
    assertError(
        gateway().post(PATH + "?token=" + TOKEN, "<sms/>"),
        400,
        "unknown_command",
        "Expected <message command=\"…\">");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "text/xml; charset=UTF-8",
        "application/xml",
        "application/json",
        "application/javascript",
        "%%garbage%%",
        "application/x-www-form-urlencoded"
      })
  void theBodyIsXmlWhateverTheContentType(String contentType) {
    Api.Reply reply =
        Api.anonymous()
            .header("Content-Type", contentType)
            .header("Accept", "text/html")
            .post(PATH + "?token=" + TOKEN, receive());
    assertError(reply, 400, "unknown_command", "Unknown command 'receive'");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "<message command=\"receive\">",
        "<message command=\"receive\"></mess>",
        "{\"command\":\"receive\"}",
        "<message/><second/>",
        "<!DOCTYPE message [<!ENTITY a \"x\">]><message command=\"receive\">&a;</message>",
        "<?xml version=\"1.0\"?><!DOCTYPE message [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
            + "<message command=\"receive\"><content>&xxe;</content></message>",
        "<!DOCTYPE message SYSTEM \"http://127.0.0.1:9/evil.dtd\"><message command=\"receive\"/>"
      })
  void malformedXmlOrADoctypeIsMalformedXml(String body) {
    assertError(
        gateway().post(PATH + "?token=" + TOKEN, body), 400, "malformed_xml", "Malformed XML");
  }

  @Test
  void aBodyOver64KibibytesIsMalformedXmlAndOneOfExactly64IsRead() {
    String open = "<message command=\"receive\"><content>";
    String close = "</content></message>";
    String exact = open + "x".repeat(64 * 1024 - open.length() - close.length()) + close;
    assertError(
        gateway().post(PATH + "?token=" + TOKEN, exact),
        400,
        "unknown_command",
        "Unknown command 'receive'");
    assertError(
        gateway().post(PATH + "?token=" + TOKEN, exact.replace("<content>", "<content>y")),
        400,
        "malformed_xml",
        "Malformed XML");
  }

  @Test
  void anIdempotencyKeyIsNotTheWebhooksAndNothingIsStored() {
    String key = UUID.randomUUID().toString();
    Api.Reply reply =
        gateway().header("Idempotency-Key", key).post(PATH + "?token=" + TOKEN, receive());
    assertError(reply, 400, "unknown_command", "Unknown command 'receive'");
    assertThat(reply.header("Idempotent-Replayed")).isNull();
    assertThat(Db.single("select count(*) from idempotency_keys where idem_key = ?", key))
        .isEqualTo(0L);
  }

  @Test
  void otherMethodsAreNotAllowed() {
    Api.Reply reply = gateway().get(PATH + "?token=" + TOKEN);
    assertError(reply, 405, "method_not_allowed", "Method not allowed");
  }

  @Test
  void theWebhookIsNoGrantableResource() {
    Api.Reply resources = Api.bootstrap().get("/api/v1/api-resources");
    assertThat(resources.status()).isEqualTo(200);
    assertThat(resources.body()).doesNotContain("mobiletech");
  }
}
