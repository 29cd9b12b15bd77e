package io.socialmall.ledger;

import io.socialmall.core.Money;

/** What the platform owes a supplier: the credit balance of its SUPPLIER_PAYABLE account, as a positive amount. */
public record SupplierBalance(long supplierId, Money payable) {
}
