package io.waymark.scenarios.engine.control;

import io.waymark.campaigns.boundary.Campaigns;
import io.waymark.campaigns.boundary.OneTimeBannerResult;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import java.time.Duration;

/** {@code banner} {banner_id, expiresInMinutes}: a one-time banner, de-duplicated by the job id. */
@Dependent
public class BannerElement {

  @Inject Campaigns campaigns;

  public Outcome run(Visit visit) {
    if (!(visit.element().options().get("banner_id") instanceof JsonNumber bannerId)) {
      return new Outcome.Failed("the banner element has no banner_id");
    }
    Integer minutes = GoalElement.minutes(visit.element().options(), "expiresInMinutes");
    OneTimeBannerResult result =
        campaigns.giveOneTimeBanner(
            visit.job().userId(),
            bannerId.longValue(),
            visit.now().plus(Duration.ofMinutes(minutes == null ? 24 * 60 : minutes)),
            "scenario-job:" + visit.job().id());
    return switch (result) {
      case GIVEN, ALREADY_GIVEN -> Outcome.POSITIVE;
      case UNKNOWN_BANNER -> new Outcome.Failed("banner " + bannerId + " does not exist");
      case UNKNOWN_USER -> new Outcome.Failed("user " + visit.job().userId() + " does not exist");
    };
  }
}
