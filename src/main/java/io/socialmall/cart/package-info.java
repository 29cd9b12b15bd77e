/**
 * Shopping carts of guests (found by an opaque token) and members, merged when a guest signs in.
 */
package io.socialmall.cart;
