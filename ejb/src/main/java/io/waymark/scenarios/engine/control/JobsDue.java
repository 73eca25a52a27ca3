package io.waymark.scenarios.engine.control;

import java.util.List;

/**
 * Jobs the current transaction made due now (woken by a goal completion, started by a trigger,
 * descendants of a finished job): after commit their ids are handed to the job queue, so they run
 * within milliseconds instead of at the next dispatch pass (which still runs any whose message is
 * lost).
 */
public record JobsDue(List<Long> jobIds) {}
