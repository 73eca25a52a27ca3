package io.waymark.mail.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MailSettingsTest {

  private static MailSettings settings(String transport) {
    MailSettings s = new MailSettings();
    s.transport = transport;
    return s;
  }

  @Test
  void transportIsSmtpOrStoreWithOutboxAsTheOldNameOfStore() {
    assertThat(settings(" SMTP ").smtp()).isTrue();
    assertThat(settings("store").smtp()).isFalse();
    assertThat(settings("outbox").smtp()).isFalse();
    assertThatThrownBy(() -> settings("sendmail").smtp()).hasMessageContaining("smtp or store");
  }
}
