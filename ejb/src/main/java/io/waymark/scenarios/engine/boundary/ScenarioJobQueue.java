package io.waymark.scenarios.engine.boundary;

import io.waymark.scenarios.engine.control.EngineSettings;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Hands job ids to {@link ScenarioJobConsumer} over the queue, a few per message (so runs spread
 * over the MDB pool and over servers, each message one transaction). Called after the claim or the
 * completion committed; a lost message costs a lease (a claimed job) or a dispatch period (a
 * wake-up row), never the job.
 */
@Stateless
public class ScenarioJobQueue {

  public static final String QUEUE = "java:app/jms/ScenarioJobs";

  @Inject JMSContext jms;

  @Inject EngineSettings settings;

  @Resource(lookup = QUEUE)
  Queue queue;

  /** JMS's default priority: the dispatcher's batches. */
  static final int BULK = 4;

  /**
   * Wake-ups overtake the dispatcher's batches: a goal completion must release its waiting job
   * within milliseconds even while tens of thousands of claimed jobs are queued (both brokers
   * deliver higher priorities first).
   */
  static final int WAKE_UP = 9;

  public void send(List<Long> jobIds) {
    send(jobIds, BULK);
  }

  /** One message per job (a batch delivered again is split, so each job counts its deliveries). */
  public void sendEach(List<Long> jobIds) {
    var producer = jms.createProducer().setPriority(BULK);
    jobIds.forEach(id -> producer.send(queue, Long.toString(id)));
  }

  /**
   * {@code waymark.scenarios.run-batch} job ids per message ({@code 1,2,3}), run in one transaction
   * by the consumer.
   */
  private void send(List<Long> jobIds, int priority) {
    var producer = jms.createProducer().setPriority(priority);
    int batch = settings.runBatch();
    for (int from = 0; from < jobIds.size(); from += batch) {
      producer.send(
          queue,
          jobIds.subList(from, Math.min(jobIds.size(), from + batch)).stream()
              .map(String::valueOf)
              .collect(Collectors.joining(",")));
    }
  }

  /**
   * A goal completion's wake-ups, from an after-commit observer: on its own thread and transaction
   * (DESIGN §4).
   */
  @Asynchronous
  public void handOff(List<Long> jobIds) {
    send(jobIds, WAKE_UP);
  }
}
