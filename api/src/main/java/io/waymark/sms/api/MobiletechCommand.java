package io.waymark.sms.api;

import io.waymark.platform.plugins.Param;
import io.waymark.platform.plugins.Plugin;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.w3c.dom.Element;

/**
 * A handler of one command of the Mobiletech webhook ({@code <message command="receive">}): a CDI
 * bean, found by {@link #command()} among all of them ({@link MobiletechCommands}). None is
 * registered yet: the SMS issue adds {@code receive} and {@code status}.
 */
public interface MobiletechCommand extends Plugin {

  /** The {@code command} attribute it handles; one bean per command. */
  String command();

  @Override
  default String key() {
    return command();
  }

  @Override
  default String label() {
    return command();
  }

  @Override
  default List<Param> params() {
    return List.of();
  }

  /**
   * Handles the message (its root element, parsed safely) and answers the gateway ({@code 200
   * application/xml}); refusals are thrown as {@code WaymarkException}s (the JSON error shape).
   */
  Response handle(Element message);
}
