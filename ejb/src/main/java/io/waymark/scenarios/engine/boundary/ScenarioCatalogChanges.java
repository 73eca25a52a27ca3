package io.waymark.scenarios.engine.boundary;

import io.waymark.platform.broadcast.Broadcast;
import io.waymark.platform.broadcast.BroadcastReceiver;
import io.waymark.scenarios.boundary.ScenarioDeleted;
import io.waymark.scenarios.boundary.ScenarioDisabled;
import io.waymark.scenarios.boundary.ScenarioEnabled;
import io.waymark.scenarios.boundary.ScenarioRestored;
import io.waymark.scenarios.boundary.ScenarioSaved;
import io.waymark.scenarios.engine.control.EngineCatalog;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Saving, enabling, disabling, deleting or restoring a scenario applies at once (#18 item 3): the
 * changing transaction builds this server's trigger catalog, installed when it commits — before the
 * API or the console answers — and announces {@value #TOPIC} on the broadcast, on which every other
 * server rebuilds its own within the message's delivery, not a dispatch period.
 */
@ApplicationScoped
public class ScenarioCatalogChanges implements BroadcastReceiver {

  static final String TOPIC = "scenarios.catalog";

  @Inject EngineCatalog catalog;

  @Inject Broadcast broadcast;

  @Resource TransactionSynchronizationRegistry registry;

  void saved(@Observes(during = TransactionPhase.IN_PROGRESS) ScenarioSaved event) {
    changed();
  }

  void enabled(@Observes(during = TransactionPhase.IN_PROGRESS) ScenarioEnabled event) {
    changed();
  }

  void disabled(@Observes(during = TransactionPhase.IN_PROGRESS) ScenarioDisabled event) {
    changed();
  }

  void deleted(@Observes(during = TransactionPhase.IN_PROGRESS) ScenarioDeleted event) {
    changed();
  }

  void restored(@Observes(during = TransactionPhase.IN_PROGRESS) ScenarioRestored event) {
    changed();
  }

  /**
   * Once per transaction, after its changes (the events come after the writes). The broadcast's
   * version row is taken first: it serialises concurrent changes, so a second change builds its
   * catalog only once the first committed, and installs one that holds both.
   */
  private void changed() {
    if (registry.getResource(TOPIC) != null) {
      return;
    }
    registry.putResource(TOPIC, Boolean.TRUE);
    broadcast.changed(TOPIC);
    catalog.prepare();
  }

  @Override
  public String topic() {
    return TOPIC;
  }

  /** Another server (or this one) changed the definitions: rebuild if the signature moved. */
  @Override
  public void received(String payload) {
    catalog.refresh();
  }

  @Override
  public void missed() {
    catalog.refresh();
  }
}
