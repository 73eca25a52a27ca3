package io.waymark.scenarios.engine.control;

import io.waymark.campaigns.boundary.Campaigns;
import io.waymark.campaigns.boundary.OneTimeBannerResult;
import io.waymark.platform.plugins.Param;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import java.time.Duration;
import java.util.List;

/** {@code banner} {banner_id, expiresInMinutes}: a one-time banner, de-duplicated by the job id. */
@Dependent
public class BannerElement implements ElementType {

  @Override
  public String key() {
    return "banner";
  }

  @Override
  public String label() {
    return "Banner";
  }

  @Override
  public List<Param> params() {
    return List.of(
        Param.required("banner_id", "banner_id", "the campaign banner shown once"),
        Param.required("expiresInMinutes", "minutes", "how long it is shown"));
  }

  @Override
  public void check(ElementCheck check) {
    Long id = check.integer("banner_id", true, 1);
    if (id != null && !check.references().bannerExists(id)) {
      check.problem("unknown banner id " + id);
    }
    check.minutes("expiresInMinutes", true);
  }

  @Inject Campaigns campaigns;

  @Override
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
