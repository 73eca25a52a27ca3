package io.waymark.platform.health;

import io.waymark.platform.messaging.MessagingChecks;
import jakarta.annotation.Resource;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.sql.Connection;
import javax.sql.DataSource;

/**
 * The resource checks behind the readiness health checks (see {@link ReadinessProbes} for why they
 * are an EJB).
 */
@Stateless
@Local(ReadinessProbes.class)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReadinessProbesBean implements ReadinessProbes {

  @Resource(lookup = "java:comp/DefaultDataSource")
  DataSource dataSource;

  @Resource(lookup = "java:comp/DefaultJMSConnectionFactory")
  ConnectionFactory connectionFactory;

  @Resource(lookup = MessagingChecks.QUEUE)
  Queue queue;

  @Override
  public String database() {
    try (Connection c = dataSource.getConnection();
        var s = c.createStatement()) {
      s.setQueryTimeout(5);
      s.execute("select 1");
      return null;
    } catch (Exception e) {
      return String.valueOf(e.getMessage());
    }
  }

  @Override
  public String messaging() {
    try (JMSContext context = connectionFactory.createContext()) {
      context.createBrowser(queue).close();
      return null;
    } catch (Exception e) {
      return String.valueOf(e.getMessage());
    }
  }
}
