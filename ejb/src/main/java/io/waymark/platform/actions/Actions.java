package io.waymark.platform.actions;

import io.waymark.platform.plugins.Registry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** Every {@link Action} bean by key: what the rules engine will offer and perform. */
@ApplicationScoped
public class Actions {

  private Registry<Action> registry;

  @Inject
  void discover(@Any Instance<Action> actions) {
    registry = Registry.of(actions);
  }

  public Optional<Action> find(String key) {
    return registry.find(key);
  }

  public List<Action> all() {
    return registry.all();
  }
}
