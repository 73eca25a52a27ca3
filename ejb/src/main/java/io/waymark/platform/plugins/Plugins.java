package io.waymark.platform.plugins;

import java.util.List;
import java.util.Optional;

/**
 * The base of a plugin kind's registry bean: an application-scoped subclass discovers its beans
 * ({@code @Inject void discover(@Any Instance<T> beans) { use(beans); }}) or is given a list (unit
 * tests), and answers them by key or alias.
 */
public abstract class Plugins<T extends Plugin> {

  private Registry<T> registry = Registry.of(List.of());

  protected void use(Iterable<? extends T> plugins) {
    registry = Registry.of(plugins);
  }

  /** By key or alias. */
  public Optional<T> find(String key) {
    return registry.find(key);
  }

  /** In key order. */
  public List<T> all() {
    return registry.all();
  }
}
