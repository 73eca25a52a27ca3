package io.waymark.scenarios.engine.boundary;

import io.waymark.platform.db.Jdbc;
import io.waymark.platform.time.Backoff;
import io.waymark.scenarios.engine.control.EngineSettings;
import io.waymark.scenarios.engine.entity.WebhookDelivery;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The webhook outbox's transactions: claim due calls with a lease (SKIP LOCKED, servers share the
 * work), record the answers (2xx delivered; otherwise retried with backoff, {@code failed} after
 * the last attempt). The HTTP calls happen between the two, with no lock or connection held.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class WebhookDeliveries {

  static final int BATCH = 50;

  @Inject Jdbc jdbc;

  @Inject EngineSettings settings;

  @Inject Clock clock;

  public List<WebhookDelivery> claim() {
    Instant now = clock.instant();
    Instant leaseEnd = now.plus(settings.webhookTimeout().multipliedBy(3));
    return jdbc.list(
        """
        update scenario_webhook_deliveries set due_at = ?, attempts = attempts + 1
        where id in (select id from scenario_webhook_deliveries where state = 'pending' and due_at <= ?
                     order by due_at limit %d for update skip locked)
        returning id, job_id, url, headers, body, attempts"""
            .formatted(BATCH),
        rs ->
            new WebhookDelivery(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getInt(6)),
        leaseEnd,
        now);
  }

  public void delivered(long id, int status) {
    jdbc.update(
        "update scenario_webhook_deliveries set state = 'delivered', last_status = ?, last_error = null, delivered_at = ?"
            + " where id = ?",
        status,
        clock.instant(),
        id);
  }

  /** A call that cannot succeed by trying again (refused by the outbound guard): failed at once. */
  public void refused(WebhookDelivery delivery, String error) {
    jdbc.update(
        "update scenario_webhook_deliveries set state = 'failed', last_status = null, last_error = ? where id = ?",
        error,
        delivery.id());
  }

  public void notDelivered(WebhookDelivery delivery, Integer status, String error) {
    Instant now = clock.instant();
    if (delivery.attempts() >= settings.webhookMaxAttempts()) {
      jdbc.update(
          "update scenario_webhook_deliveries set state = 'failed', last_status = ?, last_error = ? where id = ?",
          status,
          error,
          delivery.id());
    } else {
      jdbc.update(
          "update scenario_webhook_deliveries set due_at = ?, last_status = ?, last_error = ? where id = ?",
          now.plus(
              Backoff.after(
                  delivery.attempts(),
                  settings.webhookRetryDelay(),
                  EngineSettings.MAX_RETRY_DELAY)),
          status,
          error,
          delivery.id());
    }
  }
}
