package io.waymark.mail.boundary;

import io.waymark.mail.control.MailSettings;
import io.waymark.platform.sweep.Sweep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/** Purges the mail outbox's finished rows past {@code waymark.mail.keep}, as often as it sends. */
@ApplicationScoped
public class MailPurge implements Sweep {

  @Inject MailSettings settings;

  @Inject MailDeliveries deliveries;

  @Override
  public String name() {
    return "mail.purge";
  }

  @Override
  public Duration period() {
    return settings.sendPeriod();
  }

  @Override
  public boolean own() {
    return true;
  }

  @Override
  public int runBatch() {
    return deliveries.purgeFinished();
  }
}
