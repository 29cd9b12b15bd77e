package io.socialmall.ordering;

import io.socialmall.core.Money;

/**
 * One line of an order as events carry it.
 * @param amount what the buyer paid for the line (unit price × quantity, less the line's share of discounts)
 */
public record OrderLineInfo(long lineId, long productId, long skuId, int quantity, Money unitPrice, Money amount) {
}
