/** Users: CRM users and admin-console users (with roles), passwords, login and per-user tokens. */
package io.waymark.users;
