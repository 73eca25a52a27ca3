package io.waymark.campaigns.api;

import io.waymark.campaigns.boundary.CampaignView;
import io.waymark.campaigns.boundary.Campaigns;
import io.waymark.platform.api.ApiResource;
import io.waymark.platform.api.Json;
import io.waymark.platform.api.Paging;
import io.waymark.platform.error.WaymarkException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** Campaigns with their banners (SPEC §5), and the banners a user should see now. */
@Path("/v1/campaigns")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class CampaignsResource {

  @Inject Campaigns campaigns;

  @GET
  @ApiResource("campaigns.list")
  public JsonObject list(@QueryParam("limit") String limit, @QueryParam("after") String after) {
    Paging paging = Paging.of(limit, after);
    return paging
        .page(
            campaigns.page(paging.after(), paging.fetchSize()),
            CampaignView::id,
            CampaignJson::campaign)
        .build();
  }

  /** A valid body (the OpenAPI example; MalformedInputIT mutates each of its fields). */
  static final String CREATE_SAMPLE =
      "{\"name\":\"Spring offer\",\"banners\":[{\"name\":\"Banner\",\"position\":\"top\",\"text\":\"Hi\",\"colors\":{\"background\":\"#ffffff\",\"text\":\"#000000\"}}]}";

  @POST
  @ApiResource("campaigns.create")
  public Response create(
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples = @ExampleObject(name = "sample", value = CREATE_SAMPLE)))
          String raw) {
    CampaignView created = campaigns.create(CampaignBody.read(raw));
    return Response.status(201)
        .entity(Json.ok().put("campaign", CampaignJson.campaign(created)).build())
        .build();
  }

  @GET
  @Path("{id}")
  @ApiResource("campaigns.read")
  public JsonObject read(@PathParam("id") String id) {
    return Json.ok().put("campaign", CampaignJson.campaign(campaigns.find(id(id)))).build();
  }

  /** A valid body (the OpenAPI example; MalformedInputIT mutates each of its fields). */
  static final String UPDATE_SAMPLE = "{\"name\":\"Spring offer\"}";

  @PUT
  @Path("{id}")
  @ApiResource("campaigns.update")
  public JsonObject update(
      @PathParam("id") String id,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples = @ExampleObject(name = "sample", value = UPDATE_SAMPLE)))
          String raw) {
    long campaignId = id(id);
    return Json.ok()
        .put(
            "campaign", CampaignJson.campaign(campaigns.update(campaignId, CampaignBody.read(raw))))
        .build();
  }

  /**
   * {@code {"status":"ok","banners":[{"id","campaign_id","position","text","html","colors"}]}};
   * records impressions.
   */
  @GET
  @Path("banners")
  @ApiResource("campaigns.banners")
  public JsonObject banners(@QueryParam("user_id") String userId) {
    long user;
    try {
      user = Long.parseLong(userId == null ? "" : userId.strip());
    } catch (NumberFormatException e) {
      throw WaymarkException.invalidInput("user_id");
    }
    return Json.ok()
        .put("banners", campaigns.bannersFor(user).stream().map(CampaignJson::userBanner).toList())
        .build();
  }

  private static long id(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw Campaigns.campaignNotFound(id);
    }
  }
}
