package io.waymark.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Message;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedeliveryTest {

  /** A message with these properties (only the property getters answer). */
  private static Message message(Map<String, Object> properties) {
    return (Message)
        Proxy.newProxyInstance(
            Message.class.getClassLoader(),
            new Class<?>[] {Message.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "propertyExists" -> properties.containsKey((String) args[0]);
                  case "getIntProperty" ->
                      Integer.parseInt(String.valueOf(properties.get(args[0])));
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  @Test
  void theBrokersDeliveryCountDecidesAndAMissingOrBadOneCountsAsTheFirst() {
    assertThat(Redelivery.count(message(Map.of()))).isEqualTo(1);
    assertThat(Redelivery.count(message(Map.of("JMSXDeliveryCount", "x")))).isEqualTo(1);
    assertThat(Redelivery.last(message(Map.of("JMSXDeliveryCount", 4)))).isFalse();
    assertThat(Redelivery.last(message(Map.of("JMSXDeliveryCount", Redelivery.CAP)))).isTrue();
    assertThat(Redelivery.last(message(Map.of("JMSXDeliveryCount", 9)))).isTrue();
  }
}
