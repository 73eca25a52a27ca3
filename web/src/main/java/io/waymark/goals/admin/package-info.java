/**
 * The goals pages of the admin console: the list with counters, create / edit, a goal's analytics,
 * a user's goals.
 */
package io.waymark.goals.admin;
