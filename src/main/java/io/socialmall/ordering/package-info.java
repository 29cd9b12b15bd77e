/**
 * Addresses, checkout, orders and their state machine, shipments and after-sales (cancellations, returns and
 * refunds). Starts payments through the payment module; money, commissions and analytics react to its
 * events and are never called from here.
 */
package io.socialmall.ordering;
