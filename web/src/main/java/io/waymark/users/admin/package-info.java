/**
 * The users pages of the admin console (list, detail, roles) and signing in and out of the console.
 */
package io.waymark.users.admin;
