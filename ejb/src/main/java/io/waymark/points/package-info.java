/**
 * The points ledger (SPEC §9): groups, entries per user, balances and history, {@code
 * PointsChanged}, and the {@code points} criterion. Point actions and thresholds come as rules.
 */
package io.waymark.points;
