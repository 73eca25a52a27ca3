/**
 * Actions (DESIGN §4a, ADR 0022): side effects as plugins — {@code email.send}, {@code
 * webhook.call}, {@code banner.show}, {@code goal.assign} — performed in the caller's transaction
 * and de-duplicated by the caller's key, shared by scenario elements and, next, the rules engine,
 * which finds them by key in {@link io.waymark.platform.actions.Actions}.
 */
package io.waymark.platform.actions;
