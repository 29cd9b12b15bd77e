/**
 * Stock per SKU: available, reserved and sold units, changed only by atomic conditional updates.
 */
package io.socialmall.inventory;
