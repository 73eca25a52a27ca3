package io.waymark.scenarios.control;

import java.util.Optional;

/** What a scenario may refer to, looked up by the validator. */
public interface References {

  boolean goalExists(String code);

  boolean segmentExists(String code);

  boolean bannerExists(long id);

  /** Whether the email template exists; null when there is no template store to check against. */
  Boolean templateExists(String code);

  /** Why Waymark may not call this URL (the outbound guard), or empty when it may. */
  Optional<String> outboundProblem(String url);
}
