/**
 * Secrets at rest (DESIGN §4a): values a feature must send on later (webhook headers today; API
 * keys and OAuth tokens of integrations next) are sealed with AES-GCM under {@code
 * waymark.secrets.key} and shown masked. See {@link io.waymark.platform.secrets.Secrets}.
 */
package io.waymark.platform.secrets;
