package io.waymark.scenarios.engine.control;

import io.waymark.platform.criteria.SavedSegment;
import java.util.Optional;

/**
 * What a scenario may refer to, looked up when it is validated (each element type checks its own).
 */
public interface References {

  boolean goalExists(String code);

  boolean segmentExists(String code);

  boolean bannerExists(long id);

  /** Whether the email template exists; null when there is no template store to check against. */
  Boolean templateExists(String code);

  /**
   * A saved criteria or static segment, for {@code segment.member} in a condition (empty for an
   * unknown code or an SQL segment).
   */
  Optional<SavedSegment> savedSegment(String code);

  /** The type of the custom user field with this code ({@code date}, ...), empty when none. */
  Optional<String> userFieldType(String code);

  /** Why Waymark may not call this URL (the outbound guard), or empty when it may. */
  Optional<String> outboundProblem(String url);
}
