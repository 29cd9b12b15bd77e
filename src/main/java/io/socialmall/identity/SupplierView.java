package io.socialmall.identity;

import java.time.Instant;

/**
 * A supplier's public business information (E-Commerce Law Art. 15) and its verification state.
 */
public record SupplierView(long id, String businessName, String licenseNumber, String contactPhone,
		String businessAddress, Status status, String reviewNote, Instant appliedAt, Instant reviewedAt) {

	public enum Status {
		PENDING, VERIFIED, REJECTED
	}

	public boolean verified() {
		return status == Status.VERIFIED;
	}
}
