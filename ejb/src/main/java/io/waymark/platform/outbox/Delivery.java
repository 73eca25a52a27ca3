package io.waymark.platform.outbox;

/**
 * What one delivery attempt came to: {@code done} (with the channel's word for it, e.g. {@code
 * sent}), {@code retry} (tried again with backoff, {@code dead} after the last attempt) or {@code
 * dead} at once (trying again cannot help). {@code status} is the receiver's answer code when there
 * was one (HTTP status, SMTP reply).
 */
public record Delivery(Result result, String outcome, Integer status, String error) {

  /** The three results. */
  public enum Result {
    DONE,
    RETRY,
    DEAD
  }

  public static Delivery done(String outcome, Integer status) {
    return new Delivery(Result.DONE, outcome, status, null);
  }

  /** Done, with a note kept as the item's last error (e.g. a 404 taken as done). */
  public static Delivery done(String outcome, Integer status, String note) {
    return new Delivery(Result.DONE, outcome, status, note);
  }

  public static Delivery retry(Integer status, String error) {
    return new Delivery(Result.RETRY, null, status, error);
  }

  public static Delivery dead(Integer status, String error) {
    return new Delivery(Result.DEAD, null, status, error);
  }
}
