package io.waymark.scenarios.engine.control;

import io.waymark.platform.plugins.Registry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The element types this server runs: every {@link ElementType} bean. A type is registered by the
 * issue that makes it work; a document naming another is refused at save, and a stored one (saved
 * before, or on a server that has it) fails its jobs with that reason.
 */
@ApplicationScoped
public class ElementTypes {

  private Registry<ElementType> registry;

  protected ElementTypes() {}

  /** Over these types (unit tests). */
  public ElementTypes(List<? extends ElementType> types) {
    registry = Registry.of(types);
  }

  @Inject
  void discover(@Any Instance<ElementType> types) {
    registry = Registry.of(types);
  }

  public Optional<ElementType> find(String key) {
    return registry.find(key);
  }

  public List<ElementType> all() {
    return registry.all();
  }
}
