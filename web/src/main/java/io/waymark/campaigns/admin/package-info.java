/**
 * Admin console pages of campaigns: the list and the editor with targeting, schedule, banners and a
 * live preview.
 */
package io.waymark.campaigns.admin;
