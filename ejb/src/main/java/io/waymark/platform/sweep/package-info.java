/**
 * The one sweep scaffold (DESIGN §4a): every periodic sweep of the application is a {@link
 * io.waymark.platform.sweep.Sweep} bean, run by {@link io.waymark.platform.sweep.Sweeps} — one
 * non-persistent timer per sweep and server, each batch in its own transaction, batches repeated
 * while they come back full, and what each sweep did last ({@link
 * io.waymark.platform.sweep.SweepStatus}) kept for operators.
 */
package io.waymark.platform.sweep;
