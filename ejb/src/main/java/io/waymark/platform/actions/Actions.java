package io.waymark.platform.actions;

import io.waymark.platform.plugins.Plugins;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** Every {@link Action} bean by key: what the rules engine will offer and perform. */
@ApplicationScoped
public class Actions extends Plugins<Action> {

  @Inject
  void discover(@Any Instance<Action> actions) {
    use(actions);
  }
}
