/**
 * The API tokens pages of the admin console: list, create (secret shown once), activate, IP
 * restrictions, grants.
 */
package io.waymark.tokens.admin;
