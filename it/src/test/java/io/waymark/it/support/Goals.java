package io.waymark.it.support;

import java.util.UUID;

/** Test data for goals: unique codes, quick creation. */
public final class Goals {

  private Goals() {}

  public static String code(String prefix) {
    return (prefix + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase();
  }

  public static String createSimple(String prefix) {
    String code = code(prefix);
    Api.Reply reply =
        Api.bootstrap()
            .post(
                "/api/v1/onboarding-goals",
                "{\"code\":\"" + code + "\",\"name\":\"Goal " + code + "\",\"type\":\"simple\"}");
    if (reply.status() != 201) {
      throw new AssertionError("goal not created: " + reply.status() + " " + reply.body());
    }
    return code;
  }

  public static long user() {
    return Api.createUser(Api.email("goals"), null).getJsonNumber("id").longValue();
  }

  public static Api.Reply complete(String code, Object userId) {
    String id = userId instanceof String s ? "\"" + s + "\"" : String.valueOf(userId);
    return Api.bootstrap()
        .post(
            "/api/v1/onboarding-goals/complete",
            "{\"goal_code\":\"" + code + "\",\"user_id\":" + id + "}");
  }

  public static Api.Reply assign(String code, long userId, Integer timeoutMinutes) {
    return Api.bootstrap()
        .post(
            "/api/v1/onboarding-goals/assign",
            "{\"goal_code\":\""
                + code
                + "\",\"user_id\":"
                + userId
                + (timeoutMinutes == null ? "" : ",\"timeout_minutes\":" + timeoutMinutes)
                + "}");
  }

  public static Api.Reply timeout(String code, long userId) {
    return Api.bootstrap()
        .post(
            "/api/v1/onboarding-goals/timeout",
            "{\"goal_code\":\"" + code + "\",\"user_id\":" + userId + "}");
  }

  /** The user's rows for the goal, oldest first: [completed?, timed out?] per row. */
  public static java.util.List<java.util.List<Object>> rows(String code, long userId) {
    return Db.query(
        "select u.completed_at is not null, u.timedout_at is not null from user_onboarding_goals u"
            + " join onboarding_goals g on g.id = u.onboarding_goal_id where g.code = ? and u.user_id = ? order by u.created_at, u.id",
        code,
        userId);
  }
}
