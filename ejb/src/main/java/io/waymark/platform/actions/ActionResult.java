package io.waymark.platform.actions;

/**
 * Done (recorded or queued), or failed for a reason retrying cannot fix (unknown template, ...).
 */
public sealed interface ActionResult {

  record Done() implements ActionResult {}

  record Failed(String reason) implements ActionResult {}

  ActionResult DONE = new Done();

  static ActionResult failed(String reason) {
    return new Failed(reason);
  }
}
