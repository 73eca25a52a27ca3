package io.waymark.goals.api;

import io.waymark.goals.boundary.UserGoalView;
import io.waymark.goals.boundary.UserGoals;
import io.waymark.platform.api.ApiResource;
import io.waymark.platform.api.Paging;
import io.waymark.users.boundary.Users;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** A user's onboarding goals with their state, newest first. */
@Path("/v1/users/{id}/onboarding-goals")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class UserGoalsResource {

  @Inject UserGoals userGoals;

  @GET
  @ApiResource("users.onboarding-goals")
  public JsonObject list(
      @PathParam("id") String id,
      @QueryParam("limit") String limit,
      @QueryParam("after") String after) {
    long userId = Users.parseId(id);
    Paging paging = Paging.of(limit, after);
    return paging
        .page(
            userGoals.forUser(userId, paging.after(), paging.fetchSize()),
            UserGoalView::id,
            GoalJson::userGoal)
        .build();
  }
}
