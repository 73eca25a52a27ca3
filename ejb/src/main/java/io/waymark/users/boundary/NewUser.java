package io.waymark.users.boundary;

/**
 * A user to create; every field but the email may be null. Roles are never set through this
 * command.
 */
public record NewUser(
    String email,
    String password,
    String firstName,
    String lastName,
    String publicName,
    String locale,
    String timezone,
    Boolean active) {}
