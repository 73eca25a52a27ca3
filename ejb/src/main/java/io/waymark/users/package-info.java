/**
 * Users: CRM users and admin-console users (with roles), passwords, login (throttled per account
 * and client network) and per-user tokens.
 */
package io.waymark.users;
