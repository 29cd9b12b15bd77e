package io.socialmall.identity;

import java.time.Instant;

/** An operator verified a supplier: its products may go on sale. */
public record SupplierVerified(long supplierId, long operatorId, Instant at) {
}
