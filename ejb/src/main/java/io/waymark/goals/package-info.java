/**
 * Onboarding goals: definitions (simple / event), per-user goal rows with history, completion,
 * timeouts.
 */
package io.waymark.goals;
