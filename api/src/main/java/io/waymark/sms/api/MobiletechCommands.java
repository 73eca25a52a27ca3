package io.waymark.sms.api;

import io.waymark.platform.error.WaymarkException;
import io.waymark.platform.plugins.Registry;
import org.w3c.dom.Element;

/**
 * The webhook's command handlers by command name, from the CDI beans there are: the handler of a
 * message's {@code <message command="…">}, or 400 {@code unknown_command}.
 */
final class MobiletechCommands {

  static final String ROOT = "message";

  private final Registry<MobiletechCommand> byName;

  /** Two handlers of one command stop the deployment ({@link Registry}). */
  MobiletechCommands(Iterable<MobiletechCommand> handlers) {
    byName = Registry.of(handlers);
  }

  /** The handler of the message's command. */
  MobiletechCommand handlerOf(Element message) {
    String command = ROOT.equals(message.getTagName()) ? message.getAttribute("command") : "";
    MobiletechCommand handler = byName.find(command).orElse(null);
    if (handler == null) {
      throw unknown(command);
    }
    return handler;
  }

  static WaymarkException unknown(String command) {
    return new WaymarkException(
        400,
        "unknown_command",
        command.isEmpty()
            ? "Expected <message command=\"…\">"
            : "Unknown command '" + shorten(command) + "'");
  }

  private static String shorten(String text) {
    return text.length() > 64 ? text.substring(0, 64) + "…" : text;
  }
}
