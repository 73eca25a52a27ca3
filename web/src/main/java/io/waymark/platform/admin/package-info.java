/**
 * The admin console's frame: form login (Jakarta Security), CSRF protection of every console POST,
 * the logged-in user, navigation and small helpers the feature pages share. Features add their
 * pages in {@code <feature>.admin}.
 */
package io.waymark.platform.admin;
