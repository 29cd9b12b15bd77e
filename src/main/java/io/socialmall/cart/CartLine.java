package io.socialmall.cart;

import io.socialmall.core.Money;

/** A cart line handed to checkout: the SKU, how many, and the unit price when it was added. */
public record CartLine(long skuId, int quantity, Money addedPrice) {
}
