package io.waymark.externalsync.control;

/**
 * The answer to one REMP call: an HTTP status, or the error that prevented one ({@code status} 0).
 * 2xx is delivered; 404 means REMP does not know the segment or user and is taken as done; anything
 * else is retried.
 */
public record CallResult(int status, String error) {

  public static CallResult answered(int status) {
    return new CallResult(status, null);
  }

  public static CallResult unreachable(String error) {
    return new CallResult(0, error);
  }

  public boolean delivered() {
    return status >= 200 && status < 300;
  }

  public boolean ignored() {
    return status == 404;
  }

  /** What went wrong, for the row's {@code last_error}. */
  public String describe() {
    return status == 0 ? error : "HTTP " + status;
  }
}
