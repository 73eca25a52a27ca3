package io.waymark.scenarios.engine.boundary;

import io.waymark.platform.messaging.Redelivery;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.lang.System.Logger.Level;

/**
 * Runs handed-off jobs. Thin: unwrap the id and call the boundary, whose run is its own
 * transaction; a run that throws is recorded as a failed attempt (retried with backoff by the
 * dispatcher), so the message is done either way. Only when even that cannot be recorded (the
 * database away) does the exception go to the broker for redelivery, up to {@link Redelivery#CAP}
 * deliveries: then the message is given up and the job row — still pending, its lease running out —
 * goes back to the dispatcher. Nothing reaches a broker's dead-letter queue.
 */
@JMSDestinationDefinition(
    name = ScenarioJobQueue.QUEUE,
    interfaceName = "jakarta.jms.Queue",
    destinationName = "WaymarkScenarioJobs")
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = ScenarioJobQueue.QUEUE),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue")
    })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ScenarioJobConsumer implements MessageListener {

  private static final System.Logger LOG = System.getLogger(ScenarioJobConsumer.class.getName());

  @Inject ScenarioJobs jobs;

  @Override
  public void onMessage(Message message) {
    long id;
    try {
      id = Long.parseLong(message.getBody(String.class).strip());
    } catch (JMSException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Ignored an unreadable scenario job message",
          e); // redelivery would not help
      return;
    }
    try {
      jobs.run(id);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Scenario job " + id + " failed; it is retried with backoff", e);
      try {
        jobs.recordFailure(id, describe(e));
      } catch (RuntimeException unrecorded) {
        if (Redelivery.last(message)) {
          LOG.log(
              Level.ERROR,
              "Scenario job "
                  + id
                  + ": its failure could not be recorded in "
                  + Redelivery.CAP
                  + " deliveries; the dispatcher claims it again when its lease ends",
              unrecorded);
          return;
        }
        throw unrecorded;
      }
    }
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName()
        + (message == null
            ? ""
            : ": " + (message.length() > 500 ? message.substring(0, 500) : message));
  }
}
