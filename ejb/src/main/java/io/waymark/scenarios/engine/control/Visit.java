package io.waymark.scenarios.engine.control;

import io.waymark.scenarios.engine.entity.Element;
import io.waymark.scenarios.engine.entity.Job;
import java.time.Instant;

/**
 * One run of a job on its element: {@code enteredAt} is the job's entry (now, on the first run);
 * {@code firstRun} tells entry from a re-check.
 */
public record Visit(Job job, Element element, Instant enteredAt, boolean firstRun, Instant now) {}
