package io.waymark.campaigns.boundary;

/**
 * The outcome of giving a one-time banner; never an exception, so a scenario batch is not marked
 * for rollback.
 */
public enum OneTimeBannerResult {
  GIVEN,
  ALREADY_GIVEN,
  UNKNOWN_USER,
  UNKNOWN_BANNER
}
