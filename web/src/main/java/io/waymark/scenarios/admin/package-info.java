/**
 * The scenarios pages of the admin console: the list with its lifecycle actions (the builder is its
 * own page).
 */
package io.waymark.scenarios.admin;
