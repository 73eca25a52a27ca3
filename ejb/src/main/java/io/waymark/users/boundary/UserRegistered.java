package io.waymark.users.boundary;

import io.waymark.platform.plugins.Source;

/**
 * A user was created, from {@code source}. Fired inside the creating transaction (scenarios start
 * their {@code user_registered} triggers).
 */
public record UserRegistered(long userId, String email, Source source) {}
