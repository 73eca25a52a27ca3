package io.waymark.users.boundary;

/**
 * A user was created. Fired inside the creating transaction (scenarios start their {@code
 * user_registered} triggers).
 */
public record UserRegistered(long userId, String email) {}
