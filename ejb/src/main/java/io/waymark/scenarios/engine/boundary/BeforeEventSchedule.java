package io.waymark.scenarios.engine.boundary;

import io.waymark.scenarios.boundary.ScenarioDeleted;
import io.waymark.scenarios.boundary.ScenarioDisabled;
import io.waymark.scenarios.boundary.ScenarioEnabled;
import io.waymark.scenarios.boundary.ScenarioRestored;
import io.waymark.scenarios.boundary.ScenarioSaved;
import io.waymark.scenarios.engine.control.BeforeEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * A scenario's before-event rows follow its life, in the changing transaction: saved or enabled,
 * its triggers are filled from the dates already set (as due work, in batches); disabled or
 * deleted, its rows go.
 */
@ApplicationScoped
public class BeforeEventSchedule {

  @Inject BeforeEvents beforeEvents;

  @PersistenceContext EntityManager em;

  void saved(@Observes(during = TransactionPhase.IN_PROGRESS) ScenarioSaved event) {
    changed(event.scenarioId());
  }

  void enabled(@Observes(during = TransactionPhase.IN_PROGRESS) ScenarioEnabled event) {
    changed(event.scenarioId());
  }

  void disabled(@Observes(during = TransactionPhase.IN_PROGRESS) ScenarioDisabled event) {
    changed(event.scenarioId());
  }

  void deleted(@Observes(during = TransactionPhase.IN_PROGRESS) ScenarioDeleted event) {
    changed(event.scenarioId());
  }

  void restored(@Observes(during = TransactionPhase.IN_PROGRESS) ScenarioRestored event) {
    changed(event.scenarioId());
  }

  private void changed(long scenarioId) {
    em.flush(); // the definition rows are read by plain JDBC
    beforeEvents.scenarioChanged(scenarioId);
  }
}
