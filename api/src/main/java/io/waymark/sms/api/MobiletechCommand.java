package io.waymark.sms.api;

import jakarta.ws.rs.core.Response;
import org.w3c.dom.Element;

/**
 * A handler of one command of the Mobiletech webhook ({@code <message command="receive">}): a CDI
 * bean, found by {@link #command()} among all of them ({@link MobiletechCommands}). None is
 * registered yet: the SMS issue adds {@code receive} and {@code status}.
 */
public interface MobiletechCommand {

  /** The {@code command} attribute it handles; one bean per command. */
  String command();

  /**
   * Handles the message (its root element, parsed safely) and answers the gateway ({@code 200
   * application/xml}); refusals are thrown as {@code WaymarkException}s (the JSON error shape).
   */
  Response handle(Element message);
}
