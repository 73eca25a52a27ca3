package io.waymark.tokens.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Applies {@code waymark.bootstrap.api-token} at every start (set, changed or removed). */
@Startup
@Singleton
@DependsOn("Migrations")
public class TokenBootstrap {

  @Inject ApiTokens tokens;

  @Inject
  @ConfigProperty(name = "waymark.bootstrap.api-token")
  Optional<String> bootstrapToken;

  @PostConstruct
  void apply() {
    tokens.configureBootstrap(bootstrapToken.orElse(null));
  }
}
