package io.waymark.scenarios.boundary;

import io.waymark.platform.db.Jdbc;
import io.waymark.scenarios.control.WebhookHeaders;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * At start, seals webhook header values stored in clear by a version before secrets existed — in
 * the scenarios' elements and in webhook calls of the outbox not yet sent — in the migrations'
 * wake, before the engine runs. Without {@code waymark.secrets.key} and with such values, the start
 * stops with what to do: nothing is sent or kept in clear.
 */
@Startup
@Singleton
@DependsOn("Migrations")
public class WebhookHeaderSealing {

  private static final System.Logger LOG = System.getLogger(WebhookHeaderSealing.class.getName());

  @Inject Jdbc jdbc;

  @Inject WebhookHeaders headers;

  private record Stored(long id, String json) {}

  @PostConstruct
  void sealClearValues() {
    List<Stored> elements =
        jdbc.list(
            "select id, options from scenario_elements where type = 'webhook'"
                + " and options like '%\"headers\"%'",
            rs -> new Stored(rs.getLong(1), rs.getString(2)));
    List<Stored> deliveries =
        jdbc.list(
            "select id, (payload -> 'headers')::text from outbox_items"
                + " where channel = 'webhook' and state = 'pending' and payload -> 'headers' <> '{}'::jsonb",
            rs -> new Stored(rs.getLong(1), rs.getString(2)));
    int sealed = 0;
    for (Stored e : elements) {
      sealed += store("scenario_elements", "options", e, headers.sealClearOptions(e.json()));
    }
    for (Stored d : deliveries) {
      String sealedHeaders = headers.sealClearHeaders(d.json());
      if (sealedHeaders != null) {
        jdbc.update(
            "update outbox_items set payload = jsonb_set(payload, '{headers}', ?::jsonb) where id = ?",
            sealedHeaders,
            d.id());
        sealed++;
      }
    }
    if (sealed > 0) {
      LOG.log(Level.INFO, "Sealed the webhook headers of {0} rows stored in clear", sealed);
    }
  }

  private int store(String table, String column, Stored row, String sealedJson) {
    if (sealedJson == null) {
      return 0;
    }
    jdbc.update("update " + table + " set " + column + " = ? where id = ?", sealedJson, row.id());
    return 1;
  }
}
