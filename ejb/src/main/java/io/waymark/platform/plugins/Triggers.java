package io.waymark.platform.plugins;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The trigger vocabulary (SPEC §1 "Domain events and trigger keys"): every {@link TriggerSource}'s
 * triggers in one registry, by canonical key or scenario code ({@link #find}). Rules, webhooks and
 * points will read it by key; scenarios by their codes.
 */
@ApplicationScoped
public class Triggers extends Plugins<Trigger> {

  protected Triggers() {}

  public Triggers(List<Trigger> triggers) {
    use(triggers);
  }

  @Inject
  void discover(@Any Instance<TriggerSource> sources) {
    List<Trigger> all = new ArrayList<>();
    sources.forEach(source -> all.addAll(source.triggers()));
    use(all);
  }

  /** The trigger a scenario's event code names (only scenario codes). */
  public Optional<Trigger> scenario(String code) {
    return find(code).filter(t -> code.equals(t.scenarioCode()));
  }

  /** Those scenarios can start on, in key order. */
  public List<Trigger> scenarioTriggers() {
    return all().stream().filter(t -> t.scenarioCode() != null).toList();
  }
}
