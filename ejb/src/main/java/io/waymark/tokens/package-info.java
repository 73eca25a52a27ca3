/**
 * API access: server-to-server tokens, their IP restrictions and the named resources each may
 * reach.
 */
package io.waymark.tokens;
