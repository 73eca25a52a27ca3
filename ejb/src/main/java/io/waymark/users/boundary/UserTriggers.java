package io.waymark.users.boundary;

import io.waymark.platform.plugins.Trigger;
import io.waymark.platform.plugins.TriggerSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The user events of the trigger vocabulary (SPEC §1). */
@ApplicationScoped
public class UserTriggers implements TriggerSource {

  @Override
  public List<Trigger> triggers() {
    return List.of(
        new Trigger(
            "user.created",
            "User registered",
            "user_registered",
            null,
            null,
            List.of("user_id", "email"),
            true),
        new Trigger(
            "user.changed",
            "User changed",
            null,
            null,
            null,
            List.of("user_id", "fields", "old", "new"),
            true));
  }
}
