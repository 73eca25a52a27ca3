package io.waymark.mail.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MailSettingsTest {

  private static MailSettings settings(String transport) {
    MailSettings s = new MailSettings();
    s.transport = transport;
    s.retryDelay = Duration.ofSeconds(30);
    s.retryMaxDelay = Duration.ofMinutes(3);
    return s;
  }

  @Test
  void retriesDoubleUpToTheMaximum() {
    MailSettings s = settings("smtp");
    assertThat(s.retryAfter(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.retryAfter(2)).isEqualTo(Duration.ofSeconds(60));
    assertThat(s.retryAfter(3)).isEqualTo(Duration.ofSeconds(120));
    assertThat(s.retryAfter(4)).isEqualTo(Duration.ofMinutes(3));
    assertThat(s.retryAfter(40)).isEqualTo(Duration.ofMinutes(3));
  }

  @Test
  void transportIsSmtpOrOutbox() {
    assertThat(settings(" SMTP ").smtp()).isTrue();
    assertThat(settings("outbox").smtp()).isFalse();
    assertThatThrownBy(() -> settings("sendmail").smtp()).hasMessageContaining("smtp or outbox");
  }
}
