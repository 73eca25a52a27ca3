package io.waymark.scenarios.engine.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.util.List;

/**
 * Hands job ids to {@link ScenarioJobConsumer} over the queue, one message per job (so runs spread
 * over the MDB pool and over servers). Called after the claim or the completion committed; a lost
 * message costs a lease (a claimed job) or a dispatch period (a wake-up row), never the job.
 */
@Stateless
public class ScenarioJobQueue {

  public static final String QUEUE = "java:app/jms/ScenarioJobs";

  @Inject JMSContext jms;

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

  private void send(List<Long> jobIds, int priority) {
    var producer = jms.createProducer().setPriority(priority);
    for (long id : jobIds) {
      producer.send(queue, Long.toString(id));
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
