package io.waymark.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Message;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedeliveryTest {

  private static Message message(Map<String, Object> properties) {
    return TestMessages.message(null, properties);
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
