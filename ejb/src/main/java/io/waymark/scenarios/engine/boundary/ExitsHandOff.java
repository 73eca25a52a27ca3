package io.waymark.scenarios.engine.boundary;

import io.waymark.scenarios.engine.control.UserExited;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/** After a commit, hands the exits it recorded to {@link ScenarioExits} ({@code @Asynchronous}). */
@ApplicationScoped
public class ExitsHandOff {

  @Inject ScenarioExits exits;

  void handOff(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserExited exit) {
    exits.drop(exit);
  }
}
