package io.waymark.platform.health;

import io.waymark.platform.messaging.MessagingChecks;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the JMS broker accepts connections and the application's queue is there. */
@Readiness
@ApplicationScoped
public class MessagingReadiness implements HealthCheck {

  @Resource(lookup = "java:comp/DefaultJMSConnectionFactory")
  ConnectionFactory connectionFactory;

  @Resource(lookup = MessagingChecks.QUEUE)
  Queue queue;

  @Override
  public HealthCheckResponse call() {
    try (JMSContext context = connectionFactory.createContext()) {
      context.createBrowser(queue).close();
      return HealthCheckResponse.named("waymark-messaging").up().build();
    } catch (Exception e) {
      return HealthCheckResponse.named("waymark-messaging").down().withData("error", String.valueOf(e.getMessage())).build();
    }
  }
}
