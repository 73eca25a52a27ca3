package io.waymark.externalsync.entity;

/** The two REMP segment-cache calls; {@link #path()} is also the value stored in the outbox. */
public enum SegmentAction {
  ADD_USER("add-user"),
  REMOVE_USER("remove-user");

  private final String path;

  SegmentAction(String path) {
    this.path = path;
  }

  public String path() {
    return path;
  }

  public static SegmentAction of(String path) {
    for (SegmentAction a : values()) {
      if (a.path.equals(path)) {
        return a;
      }
    }
    throw new IllegalArgumentException("Unknown segment action " + path);
  }
}
