/**
 * Accounts, roles, sign-in, API tokens, supplier verification and personal-data rights.
 */
package io.socialmall.identity;
