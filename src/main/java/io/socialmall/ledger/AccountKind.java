package io.socialmall.ledger;

/**
 * The chart of accounts. Postings are signed: a debit is positive, a credit negative. An asset's balance is
 * normally positive (debit), a liability's or revenue's negative (credit).
 */
public enum AccountKind {

	/** Asset: money the payment provider holds for us. One account. */
	PROVIDER_CLEARING(false),
	/** Liability per buyer: money received from the buyer not yet allocated to an order, or owed back. */
	BUYER_FUNDS(true),
	/** Liability per supplier: what the platform owes the supplier for paid orders. */
	SUPPLIER_PAYABLE(true),
	/** Revenue: the platform's fees. One account. */
	PLATFORM_FEES(false),
	/**
	 * Liability per reseller: margins (retail price minus supplier price) of paid shop sales, pending until
	 * the order settles (commissions later move them on).
	 */
	RESELLER_PENDING(true),
	/** Expense: the discounts the platform pays for (subsidies of coupons and campaigns). One account. */
	PLATFORM_PROMOTIONS(false);

	private final boolean perOwner;

	AccountKind(boolean perOwner) {
		this.perOwner = perOwner;
	}

	/** Whether there is one account per owner (buyer, supplier, reseller) rather than one for the platform. */
	public boolean perOwner() {
		return perOwner;
	}
}
