/**
 * The SMS gateway's API: the Mobiletech webhook (XML, shared-secret authentication) and its command
 * handlers. Storing, linking and processing messages belong to the SMS issue (#19).
 */
package io.waymark.sms.api;
