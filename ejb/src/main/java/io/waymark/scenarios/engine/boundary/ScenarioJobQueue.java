package io.waymark.scenarios.engine.boundary;

import io.waymark.scenarios.engine.control.EngineSettings;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * Hands job ids to {@link ScenarioJobConsumer} over the queue, a few per message (so runs spread
 * over the MDB pool and over servers, each message one transaction); what commits hand off goes to
 * a queue of its own ({@link ScenarioHandOffConsumer}), so it never waits behind the dispatcher's
 * batches. Called after the claim or the completion committed; a lost message costs a lease (a
 * claimed job) or half a minute (a wake-up row, {@code JobClaims.LOST_HAND_OFF}), never the job.
 */
@Stateless
public class ScenarioJobQueue {

  private static final System.Logger LOG = System.getLogger(ScenarioJobQueue.class.getName());

  public static final String QUEUE = "java:app/jms/ScenarioJobs";

  /** What commits hand off ({@link #drain}), run by {@link ScenarioHandOffConsumer}. */
  public static final String HAND_OFFS = "java:app/jms/ScenarioHandOffs";

  @Inject JMSContext jms;

  @Inject EngineSettings settings;

  @Resource(lookup = QUEUE)
  Queue queue;

  @Resource(lookup = HAND_OFFS)
  Queue handOffs;

  /**
   * {@code waymark.scenarios.run-batch} job ids per message ({@code 1,2,3}), run in one transaction
   * by the consumer: the dispatcher's batches.
   */
  public void send(List<Long> jobIds) {
    var producer = jms.createProducer();
    int batch = settings.runBatch();
    for (int from = 0; from < jobIds.size(); from += batch) {
      producer.send(queue, body(jobIds.subList(from, Math.min(jobIds.size(), from + batch))));
    }
  }

  /**
   * One message per job (a batch delivered again is split, so each job counts its deliveries), to
   * the queue the batch came from (null: the jobs queue).
   */
  public void sendEach(List<Long> jobIds, Destination to) {
    var producer = jms.createProducer();
    Destination destination = to == null ? queue : to;
    jobIds.forEach(id -> producer.send(destination, Long.toString(id)));
  }

  /**
   * Sends the jobs the hand-off gathered until none are left (one drain at a time, started by
   * {@link JobsDueHandOff}), outside a transaction so each message goes out when sent. Idle, the
   * first jobs go out at once; while hand-offs keep coming (another drain started within four
   * lingers) it first lets them gather for up to {@code waymark.scenarios.hand-off-linger} or a
   * full message, so a busy engine runs them {@code run-batch} at a time instead of one transaction
   * each.
   */
  @Asynchronous
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void drain(JobsDueHandOff jobs) {
    try {
      var producer = jms.createProducer();
      int batch = settings.runBatch();
      long linger = settings.handOffLinger().toNanos();
      do {
        long started = System.nanoTime();
        if (jobs.busy(started, 4 * linger)) {
          while (jobs.pending() < batch && System.nanoTime() - started < linger) {
            LockSupport.parkNanos(LINGER_STEP);
          }
        }
        for (List<Long> ids = jobs.take(batch); !ids.isEmpty(); ids = jobs.take(batch)) {
          producer.send(handOffs, body(ids));
        }
      } while (jobs.stop());
    } catch (RuntimeException | Error e) {
      // the broker away: what was taken is claimed by the dispatcher (due rows, wake-up rows);
      // whatever ended the drain, the next hand-off starts another
      jobs.failed();
      LOG.log(System.Logger.Level.WARNING, "Handing scenario jobs to the queue failed", e);
      if (e instanceof Error error) {
        throw error;
      }
    }
  }

  /** A message's body: the job ids, comma-separated ({@link ScenarioJobConsumer} reads them). */
  private static String body(List<Long> ids) {
    return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  /** How often a lingering drain looks again. */
  private static final long LINGER_STEP = 250_000;
}
