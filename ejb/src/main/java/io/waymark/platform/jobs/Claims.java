package io.waymark.platform.jobs;

import io.waymark.platform.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs {@link ClaimSpec}s in the caller's transaction: the due rows no other transaction holds
 * (SKIP LOCKED), at most {@code limit}, changed as the spec says and answered. The one place a
 * feature's claim SQL is written (the architecture rule allows {@code SKIP LOCKED} only in {@code
 * platform.jobs} and {@code platform.outbox}).
 */
@ApplicationScoped
public class Claims {

  @Inject Jdbc jdbc;

  /** {@code dueParams} bind the spec's {@code due} fragment, {@code setParams} its {@code set}. */
  public <T> List<T> claim(
      ClaimSpec spec, int limit, Jdbc.Row<T> row, Object[] dueParams, Object... setParams) {
    return jdbc.list(
        spec.sql(limit), row, Stream.concat(Stream.of(dueParams), Stream.of(setParams)).toArray());
  }
}
