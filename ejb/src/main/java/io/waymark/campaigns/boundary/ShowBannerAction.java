package io.waymark.campaigns.boundary;

import io.waymark.platform.actions.Action;
import io.waymark.platform.actions.ActionRequest;
import io.waymark.platform.actions.ActionResult;
import io.waymark.platform.plugins.Param;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * {@code banner.show} {banner_id, expires_in_minutes}: a one-time banner the user sees until it
 * expires, given once per request key.
 */
@Dependent
public class ShowBannerAction implements Action {

  /** When no expiry is given: a day. */
  static final long DEFAULT_MINUTES = 24 * 60;

  @Inject Campaigns campaigns;

  @Inject Clock clock;

  @Override
  public String key() {
    return "banner.show";
  }

  @Override
  public String label() {
    return "Show a banner";
  }

  @Override
  public List<Param> params() {
    return List.of(
        Param.required("banner_id", "banner_id", "the campaign banner"),
        Param.optional("expires_in_minutes", "minutes", "how long it is shown (default a day)"));
  }

  @Override
  public ActionResult perform(ActionRequest request) {
    if (!(request.params().get("banner_id") instanceof JsonNumber bannerId)) {
      return ActionResult.failed("banner.show needs a banner_id");
    }
    long minutes =
        request.params().get("expires_in_minutes") instanceof JsonNumber n && n.longValue() >= 1
            ? n.longValue()
            : DEFAULT_MINUTES;
    OneTimeBannerResult result =
        campaigns.giveOneTimeBanner(
            request.userId(),
            bannerId.longValue(),
            clock.instant().plus(Duration.ofMinutes(minutes)),
            request.key());
    return switch (result) {
      case GIVEN, ALREADY_GIVEN -> ActionResult.DONE;
      case UNKNOWN_BANNER -> ActionResult.failed("banner " + bannerId + " does not exist");
      case UNKNOWN_USER -> ActionResult.failed("user " + request.userId() + " does not exist");
    };
  }
}
