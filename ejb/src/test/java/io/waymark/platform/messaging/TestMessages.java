package io.waymark.platform.messaging;

import jakarta.jms.Message;
import java.lang.reflect.Proxy;
import java.util.Map;

/** JMS messages for unit tests: a body and properties, and nothing else answers. */
public final class TestMessages {

  private TestMessages() {}

  public static Message message(String body, Map<String, Object> properties) {
    return (Message)
        Proxy.newProxyInstance(
            Message.class.getClassLoader(),
            new Class<?>[] {Message.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getBody" -> body;
                  case "getJMSDestination" -> null; // the jobs queue
                  case "propertyExists" -> properties.containsKey((String) args[0]);
                  case "getIntProperty" ->
                      Integer.parseInt(String.valueOf(properties.get(args[0])));
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }
}
