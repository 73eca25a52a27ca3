package io.waymark.it.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.waymark.it.support.Api;
import io.waymark.it.support.Db;
import io.waymark.it.support.Mails;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mail delivery through the outbox to a real SMTP server: GreenMail on {@code it.mail.port}, where
 * the IT server sends ({@code waymark.mail.transport=smtp}, retries every second or two).
 */
class MailDeliveryIT {

  private static GreenMail smtp;

  @BeforeAll
  static void startSmtp() {
    smtp = Mails.startSmtp();
  }

  @AfterAll
  static void stopSmtp() {
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  void aQueuedMessageIsDeliveredOnceWithBothParts() throws Exception {
    String code = Mails.code("deliver");
    Mails.create(
        code, "Welcome {{ user.email }}", "<p>Plan <b>{{ plan }}</b></p>", "Plan {{ plan }}");
    String email = Api.email("deliver");
    long user = Api.createUser(email, null).getJsonNumber("id").longValue();

    Api.Reply sent = Mails.send(code, user, "{\"plan\":\"gold\"}", null);
    assertThat(sent.status()).as(sent.body()).isEqualTo(202);
    long id = sent.json().getJsonNumber("message_id").longValue();

    await().atMost(Duration.ofSeconds(30)).until(() -> received(email).size() == 1);
    MimeMessage mail = received(email).get(0);
    assertThat(mail.getSubject()).isEqualTo("Welcome " + email);
    assertThat(mail.getFrom()[0].toString()).contains("waymark@it.waymark.test");
    assertThat(mail.getHeader("X-Waymark-Message-Id")[0]).isEqualTo(String.valueOf(id));
    MimeMultipart parts = (MimeMultipart) mail.getContent();
    assertThat(parts.getContentType()).startsWith("multipart/alternative");
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
    assertThat(((String) parts.getBodyPart(0).getContent()).strip()).isEqualTo("Plan gold");
    assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
    assertThat(((String) parts.getBodyPart(1).getContent()).strip())
        .isEqualTo("<p>Plan <b>gold</b></p>");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                "sent"
                    .equals(
                        Db.single(
                            "select coalesce(outcome, state) from outbox_items where id = ?", id)));
    assertThat(Db.single("select attempts from outbox_items where id = ?", id)).isEqualTo(1);
  }

  @Test
  void theSameKeyTwiceQueuesOneMessage() throws Exception {
    String code = Mails.code("once");
    Mails.create(code, "Once", "", "Only once");
    String email = Api.email("once");
    long user = Api.createUser(email, null).getJsonNumber("id").longValue();

    Api.Reply first = Mails.send(code, user, null, "key-1");
    Api.Reply second = Mails.send(code, user, null, "key-1");
    assertThat(first.status()).as(first.body()).isEqualTo(202);
    assertThat(second.status()).as(second.body()).isEqualTo(202);
    assertThat(second.json().getJsonNumber("message_id").longValue())
        .isEqualTo(first.json().getJsonNumber("message_id").longValue());

    long id = first.json().getJsonNumber("message_id").longValue();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                "sent"
                    .equals(
                        Db.single(
                            "select coalesce(outcome, state) from outbox_items where id = ?", id)));
    assertThat(received(email)).hasSize(1);
    assertThat(((String) received(email).get(0).getContent()).strip()).isEqualTo("Only once");
    assertThat(received(email).get(0).getContentType()).startsWith("text/plain");
    assertThat(
            Db.single(
                "select count(*) from outbox_items where channel = 'mail' and (payload ->> 'user_id')::bigint = ?",
                user))
        .isEqualTo(1L);
  }

  @Test
  void aMessageIsRetriedWhileTheMailServerIsDownAndDeliveredWhenItIsBack() throws Exception {
    String code = Mails.code("retry");
    Mails.create(code, "Retry", "<i>later</i>", "later");
    String email = Api.email("retry");
    long user = Api.createUser(email, null).getJsonNumber("id").longValue();

    smtp.stop();
    try {
      Api.Reply sent = Mails.send(code, user, null, null);
      assertThat(sent.status()).as(sent.body()).isEqualTo(202);
      long id = sent.json().getJsonNumber("message_id").longValue();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> (int) Db.single("select attempts from outbox_items where id = ?", id) >= 2);
      assertThat(
              Db.query(
                      "select coalesce(outcome, state), last_error from outbox_items where id = ?",
                      id)
                  .get(0))
          .satisfies(row -> assertThat(row.get(0)).isEqualTo("pending"))
          .satisfies(row -> assertThat((String) row.get(1)).isNotBlank());
    } finally {
      smtp = Mails.startSmtp();
    }

    await().atMost(Duration.ofSeconds(30)).until(() -> received(email).size() == 1);
    assertThat(received(email).get(0).getSubject()).isEqualTo("Retry");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                "sent"
                    .equals(
                        Db.single(
                            "select coalesce(outcome, state) from outbox_items where channel = 'mail' and (payload ->> 'user_id')::bigint = ?",
                            user)));
  }

  private static List<MimeMessage> received(String recipient) {
    return Mails.received(smtp, recipient);
  }
}
