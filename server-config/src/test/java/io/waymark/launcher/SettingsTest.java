package io.waymark.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The quick start's own defaults. */
class SettingsTest {

  private static final List<String> WEBHOOK_KEYS =
      List.of(
          "waymark.sms.webhook.open",
          "waymark.sms.webhook.token",
          "waymark.sms.webhook.allowed-ips");

  @AfterEach
  void clear() {
    WEBHOOK_KEYS.forEach(System::clearProperty);
  }

  @Test
  void theSmsWebhookIsOpenOnlyWhileNothingConfiguresIt() {
    // the environment may configure it too (WAYMARK_SMS_WEBHOOK_*): then it is not open by default
    boolean environment =
        WEBHOOK_KEYS.stream().anyMatch(k -> System.getenv(Settings.envName(k)) != null);
    assertThat(new Settings().smsWebhookOpenByDefault()).isEqualTo(!environment);
    for (String key : WEBHOOK_KEYS) {
      System.setProperty(key, key.endsWith("open") ? "false" : "x");
      assertThat(new Settings().smsWebhookOpenByDefault()).as(key).isFalse();
      System.clearProperty(key);
    }
  }
}
