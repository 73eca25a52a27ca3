package io.waymark.scenarios.engine.boundary;

import io.waymark.scenarios.engine.control.JobsDue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * After a commit, hands the jobs it made due to the queue ({@code @Asynchronous}: no transactional
 * resource is used where JTA has finished — DESIGN §4).
 */
@ApplicationScoped
public class JobsDueHandOff {

  @Inject ScenarioJobQueue queue;

  void handOff(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobsDue event) {
    queue.handOff(event.jobIds());
  }
}
