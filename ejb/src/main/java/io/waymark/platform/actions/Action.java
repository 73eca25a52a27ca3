package io.waymark.platform.actions;

import io.waymark.platform.plugins.Plugin;

/**
 * A side effect for one user (a CDI bean): performed in the caller's transaction, so it exists
 * exactly when the caller's work commits, and de-duplicated by the request's key, so a caller that
 * runs twice (a redelivered job, a retried rule) performs it once. Its params are those of the
 * request ({@link #params()} documents them).
 */
public interface Action extends Plugin {

  ActionResult perform(ActionRequest request);
}
