package io.waymark.scenarios.engine.control;

import io.waymark.platform.plugins.Plugins;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The element types this server runs: every {@link ElementType} bean. A type is registered by the
 * issue that makes it work; a document naming another is refused at save, and a stored one (saved
 * before, or on a server that has it) fails its jobs with that reason.
 */
@ApplicationScoped
public class ElementTypes extends Plugins<ElementType> {

  protected ElementTypes() {}

  /** Over these types (unit tests). */
  public ElementTypes(List<? extends ElementType> types) {
    use(types);
  }

  @Inject
  void discover(@Any Instance<ElementType> types) {
    use(types);
  }
}
