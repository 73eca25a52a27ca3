package io.waymark.scenarios.engine.boundary;

import io.waymark.platform.jobs.DueWork;
import io.waymark.platform.messaging.Redelivery;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the jobs of a queue's messages ({@link ScenarioJobConsumer}: the dispatcher's batches;
 * {@link ScenarioHandOffConsumer}: what commits hand off). Thin: unwrap the ids and call the
 * boundary — a batch in one transaction ({@link ScenarioJobs#runAll}), each on its own when that
 * rolled back, and each sent back alone when the message comes again (a batch is never given up
 * whole) —; a run that throws is recorded as a failed attempt by the due-work dispatcher (retried
 * with backoff, {@code failed} after {@code waymark.scenarios.max-attempts}), so the message is
 * done either way. Only when even that cannot be recorded (the database away) does the exception go
 * to the broker for redelivery; the {@link Redelivery#CAP}-th delivery marks the job {@code failed}
 * instead of running it again, so a job whose run cannot end (it kills its transaction, or the
 * consumer) is given up the same way on OpenMQ and Artemis. Nothing reaches a broker's dead-letter
 * queue.
 */
// on the methods declared here (onMessage): the subclasses' own attribute covers only theirs
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public abstract class ScenarioJobMessages implements MessageListener {

  private static final System.Logger LOG = System.getLogger(ScenarioJobMessages.class.getName());

  @Inject ScenarioJobs jobs;

  @Inject DueWork due;

  @Inject ScenarioJobKind kind;

  @Inject ScenarioJobQueue queue;

  @Override
  public void onMessage(Message message) {
    List<Long> ids;
    try {
      ids =
          Arrays.stream(message.getBody(String.class).split(","))
              .map(String::strip)
              .map(Long::parseLong)
              .toList();
    } catch (JMSException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Ignored an unreadable scenario job message",
          e); // redelivery would not help
      return;
    }
    if (ids.size() > 1 && Redelivery.count(message) > 1) {
      // delivered again (its consumer died): each job goes back on its own, with its own count, to
      // the queue it came from
      queue.sendEach(ids, from(message));
      return;
    }
    if (ids.size() > 1) {
      try {
        jobs.runAll(ids); // one transaction for the lot
        return;
      } catch (RuntimeException e) {
        // rolled back: each runs on its own, so a failing one is counted alone
        LOG.log(Level.DEBUG, "A batch of {0} scenario jobs is run one by one", ids.size());
      }
    }
    ids.forEach(id -> runOne(id, message));
  }

  private static Destination from(Message message) {
    try {
      return message.getJMSDestination();
    } catch (JMSException e) {
      return null; // the jobs queue
    }
  }

  private void runOne(long id, Message message) {
    if (Redelivery.last(message)) {
      // delivered CAP times without an outcome recorded: give it up rather than loop
      LOG.log(
          Level.ERROR,
          "Scenario job {0} was delivered {1} times without finishing; it is marked failed",
          id,
          Redelivery.count(message));
      try {
        due.dead(kind, id, "gave up after " + Redelivery.count(message) + " deliveries");
      } catch (RuntimeException unrecorded) {
        // the database away: the message is given up all the same, the row (still pending, its
        // lease running out) goes back to the dispatcher
        LOG.log(Level.ERROR, "Scenario job " + id + " could not be marked failed", unrecorded);
      }
      return;
    }
    try {
      jobs.run(id);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Scenario job " + id + " failed; it is retried with backoff", e);
      due.failed(kind, id, describe(e)); // when this throws too, the broker redelivers
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
