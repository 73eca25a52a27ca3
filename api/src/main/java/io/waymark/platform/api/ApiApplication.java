package io.waymark.platform.api;

import io.waymark.campaigns.api.CampaignSegmentCacheResource;
import io.waymark.campaigns.api.CampaignsResource;
import io.waymark.campaigns.api.OneTimeBannersResource;
import io.waymark.events.api.EventsResource;
import io.waymark.externalsync.api.ExternalSyncResource;
import io.waymark.goals.api.GoalStatsResource;
import io.waymark.goals.api.OnboardingGoalsResource;
import io.waymark.goals.api.UserGoalsResource;
import io.waymark.mail.api.EmailTemplatesResource;
import io.waymark.platform.api.ops.MessagingCheckResource;
import io.waymark.platform.api.ops.MetricsResource;
import io.waymark.platform.api.ops.ScenarioDispatchResource;
import io.waymark.platform.api.ops.SweepsResource;
import io.waymark.points.api.PointGroupsResource;
import io.waymark.points.api.UserPointsResource;
import io.waymark.scenarios.api.ScenarioStatsResource;
import io.waymark.scenarios.api.ScenariosResource;
import io.waymark.segments.api.SegmentsResource;
import io.waymark.segments.api.UserSegmentsResource;
import io.waymark.sms.api.MobiletechWebhookResource;
import io.waymark.tokens.api.ApiResourcesResource;
import io.waymark.tokens.api.ApiTokensResource;
import io.waymark.users.api.UserFieldsResource;
import io.waymark.users.api.UsersResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Set;

/**
 * The JAX-RS API. Its web module is deployed at {@code /api} (the EAR's context root for {@code
 * waymark-api.war}), so a resource at {@code /v1/users} answers {@code /api/v1/users}. Resources
 * are listed here, so the registry of named resources is exact.
 */
@ApplicationPath("/")
public class ApiApplication extends Application {

  static final Set<Class<?>> RESOURCES =
      Set.of(
          UsersResource.class,
          UserFieldsResource.class,
          PointGroupsResource.class,
          UserPointsResource.class,
          ApiTokensResource.class,
          ApiResourcesResource.class,
          MessagingCheckResource.class,
          OnboardingGoalsResource.class,
          UserGoalsResource.class,
          GoalStatsResource.class,
          EventsResource.class,
          SegmentsResource.class,
          UserSegmentsResource.class,
          ExternalSyncResource.class,
          CampaignsResource.class,
          OneTimeBannersResource.class,
          CampaignSegmentCacheResource.class,
          ScenarioDispatchResource.class,
          SweepsResource.class,
          MetricsResource.class,
          ScenarioStatsResource.class,
          ScenariosResource.class,
          EmailTemplatesResource.class,
          MobiletechWebhookResource.class);

  private static final Set<Class<?>> PROVIDERS =
      Set.of(
          EndpointFeature.class,
          ExceptionMappers.Domain.class,
          ExceptionMappers.Web.class,
          ExceptionMappers.Fallback.class);

  @Override
  public Set<Class<?>> getClasses() {
    Set<Class<?>> classes = new HashSet<>(RESOURCES);
    classes.addAll(PROVIDERS);
    return classes;
  }
}
