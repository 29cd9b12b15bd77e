package io.socialmall.ledger;

/**
 * One account: its kind and, for per-owner kinds, the owner's account id (0 for the platform's own).
 * Its code reads {@code BUYER_FUNDS:123} or {@code PLATFORM_FEES}.
 */
public record AccountRef(AccountKind kind, long ownerId) {

	public AccountRef {
		if (kind == null) {
			throw new IllegalArgumentException("kind is required");
		}
		if (kind.perOwner() != (ownerId != 0)) {
			throw new IllegalArgumentException(kind + (kind.perOwner() ? " needs an owner" : " has no owner"));
		}
	}

	public static AccountRef providerClearing() {
		return new AccountRef(AccountKind.PROVIDER_CLEARING, 0);
	}

	public static AccountRef buyerFunds(long buyerId) {
		return new AccountRef(AccountKind.BUYER_FUNDS, buyerId);
	}

	public static AccountRef supplierPayable(long supplierId) {
		return new AccountRef(AccountKind.SUPPLIER_PAYABLE, supplierId);
	}

	public static AccountRef platformFees() {
		return new AccountRef(AccountKind.PLATFORM_FEES, 0);
	}

	public static AccountRef resellerPending(long resellerId) {
		return new AccountRef(AccountKind.RESELLER_PENDING, resellerId);
	}

	public static AccountRef platformPromotions() {
		return new AccountRef(AccountKind.PLATFORM_PROMOTIONS, 0);
	}

	public String code() {
		return kind.perOwner() ? kind.name() + ":" + ownerId : kind.name();
	}
}
