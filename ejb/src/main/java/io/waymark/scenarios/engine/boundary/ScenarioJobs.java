package io.waymark.scenarios.engine.boundary;

import io.waymark.scenarios.engine.control.Elements;
import io.waymark.scenarios.engine.control.EngineCatalog;
import io.waymark.scenarios.engine.control.JobsDue;
import io.waymark.scenarios.engine.control.Outcome;
import io.waymark.scenarios.engine.control.Visit;
import io.waymark.scenarios.engine.entity.Element;
import io.waymark.scenarios.engine.entity.Job;
import io.waymark.scenarios.engine.entity.JobState;
import io.waymark.scenarios.engine.entity.JobStore;
import io.waymark.scenarios.engine.entity.ScenarioGraph;
import io.waymark.scenarios.engine.entity.ScenarioState;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs one job, exactly once, in ONE transaction: lock the job row, check its state, run the
 * element, record the result and insert the descendants' jobs on the branch the result selects (due
 * now). A duplicate hand-off or a second dispatcher waits for the lock and then finds the job done.
 * Side effects (banner, webhook outbox row, goal changes) commit together with the job's state, or
 * not at all.
 */
@Stateless
public class ScenarioJobs {

  @Inject JobStore jobs;

  @Inject ScenarioGraph graph;

  @Inject Elements elements;

  @Inject EngineCatalog catalog;

  @Inject Clock clock;

  @Inject Event<JobsDue> due;

  /**
   * Returns what happened to the job (for logs and the tests), or empty when there was nothing to
   * do.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Optional<JobState> run(long jobId) {
    List<Long> children = new ArrayList<>();
    Optional<JobState> state = runHere(jobId, children);
    if (!children.isEmpty()) {
      due.fire(new JobsDue(children));
    }
    return state;
  }

  /**
   * Runs these jobs in one transaction (one commit for the lot: the engine's throughput, ADR 0024),
   * in user order — the order every batch that locks users takes them in, so two batches cannot
   * deadlock on them — and hands all their descendants off at once. Any run that throws rolls them
   * all back; the caller then runs each on its own ({@link #run}), so a failing job is counted
   * alone and the others are not held back.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void runAll(List<Long> jobIds) {
    List<Long> children = new ArrayList<>();
    jobs.inUserOrder(jobIds).forEach(id -> runHere(id, children));
    if (!children.isEmpty()) {
      due.fire(new JobsDue(children));
    }
  }

  /** Runs one job in the caller's transaction; its descendants' new jobs go to {@code children}. */
  private Optional<JobState> runHere(long jobId, List<Long> children) {
    Optional<Job> locked = jobs.lock(jobId);
    if (locked.isEmpty() || !locked.get().state().pending()) {
      return Optional.empty();
    }
    Job job = locked.get();
    Instant now = clock.instant();
    Optional<ScenarioState> scenario = graph.scenario(job.scenarioId());
    Optional<Element> element = graph.element(job.elementId());
    if (scenario.isEmpty()
        || element.isEmpty()
        || scenario.get().outlived(job)
        || element.get().deleted()) {
      // deleted meanwhile: finishes without descendants
      jobs.end(
          jobId,
          JobState.DROPPED,
          element.isPresent() && element.get().deleted()
              ? "element deleted"
              : "scenario deleted or restored",
          null,
          now);
      return Optional.of(JobState.DROPPED);
    }
    if (catalog.hasExits(job.scenarioId())
        && jobs.exitedAt(job.scenarioId(), job.userId())
            .filter(exited -> exited.isAfter(job.createdAt()))
            .isPresent()) {
      // the user left by an exit criterion after this job was made (a run in progress made it)
      jobs.exited(jobId, now);
      return Optional.of(JobState.DROPPED);
    }
    if (job.state() == JobState.WAITING
        && job.dueAt().isAfter(now)
        && !elements.recheckableEarly(element.get().type())) {
      return Optional.empty(); // a duplicate hand-off of a job that is not due
    }
    if (!scenario.get().enabled()) {
      jobs.release(job, now, now); // paused: the dispatcher claims it again once enabled
      return Optional.empty();
    }
    jobs.forgetWakeups(
        jobId); // before reading goals: a completion committed later leaves its wake-up for the
    // dispatcher
    Instant enteredAt = job.entered() ? job.enteredAt() : now;
    Outcome outcome = elements.run(new Visit(job, element.get(), enteredAt, !job.entered(), now));
    if (outcome instanceof Outcome.Finished finished) {
      jobs.finish(jobId, finished.result(), enteredAt, now);
      for (long child : graph.descendants(job.elementId(), finished.result())) {
        children.add(
            jobs.insert(
                job.scenarioId(), child, job.triggerId(), jobId, job.userId(), job.context(), now));
      }
      return Optional.of(JobState.FINISHED);
    }
    if (outcome instanceof Outcome.Waiting waiting) {
      jobs.waitUntil(jobId, waiting.until(), enteredAt, now);
      return Optional.of(JobState.WAITING);
    }
    jobs.end(jobId, JobState.FAILED, ((Outcome.Failed) outcome).reason(), enteredAt, now);
    return Optional.of(JobState.FAILED);
  }
}
