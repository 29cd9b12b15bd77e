package io.socialmall.ledger.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.socialmall.core.Money;
import io.socialmall.ledger.AccountRef;
import io.socialmall.ledger.EntryDraft;
import io.socialmall.ledger.Ledger;
import io.socialmall.ledger.PostingDraft;
import io.socialmall.ordering.OrderLineInfo;
import io.socialmall.ordering.OrderPaid;
import io.socialmall.ordering.OrderRefunded;
import io.socialmall.payment.PaymentSucceeded;
import io.socialmall.payment.RefundSucceeded;

/**
 * Posts the money flows of docs/design.md (section Money flows) from payment and order events, one entry per
 * business fact (the source key), so a replayed event posts nothing twice. Payment and order payment are
 * posted in the publisher's transaction (the payment callback commits once, books included); refunds
 * after the publisher's commit, through the event outbox.
 */
@Component
class LedgerPostings {

	private final Ledger ledger;

	LedgerPostings(Ledger ledger) {
		this.ledger = ledger;
	}

	/** The provider holds the buyer's money; we owe it to the buyer until it is allocated to orders. */
	@EventListener
	void on(PaymentSucceeded event) {
		Money amount = event.amount();
		ledger.post(new EntryDraft("payment-succeeded:" + event.paymentIntentId(), "PAYMENT",
				"payment " + event.paymentIntentId() + " (" + event.reference() + ") via " + event.provider(),
				amount.currency(), event.at(),
				List.of(PostingDraft.debit(AccountRef.providerClearing(), amount.amount()),
						PostingDraft.credit(AccountRef.buyerFunds(event.payerId()), amount.amount()))));
	}

	/**
	 * The buyer's money goes to the order: the supplier's amount becomes payable, the fee is ours, each reseller's
	 * margin is pending for them, and the platform pays the discounts it funds (docs/social-commerce.md).
	 */
	@EventListener
	void on(OrderPaid event) {
		Money total = event.total();
		Map<Long, Money> margins = event.marginsByReseller();
		checkSplit("order " + event.orderId(), total, event.supplierAmount(), event.platformFee(), event.resellerMargin(),
				event.platformSubsidy(), margins, event.lines());
		List<PostingDraft> postings = new ArrayList<>();
		postings.add(PostingDraft.debit(AccountRef.buyerFunds(event.buyerId()), total.amount()));
		postings.add(PostingDraft.debit(AccountRef.platformPromotions(), event.platformSubsidy().amount()));
		postings.add(PostingDraft.credit(AccountRef.supplierPayable(event.supplierId()), event.supplierAmount().amount()));
		postings.add(PostingDraft.credit(AccountRef.platformFees(), event.platformFee().amount()));
		margins.forEach((reseller, margin) -> postings.add(PostingDraft.credit(AccountRef.resellerPending(reseller), margin.amount())));
		ledger.post(new EntryDraft("order-paid:" + event.orderId(), "ORDER_PAID", "order " + event.orderNo() + " paid",
				total.currency(), event.at(), postings));
	}

	/**
	 * Money of an order goes back to the buyer: taken back from the supplier, the fee and the resellers' pending
	 * margins, while the platform's subsidy for the refunded part comes back to it.
	 */
	@ApplicationModuleListener
	void on(OrderRefunded event) {
		Money amount = event.amount();
		Map<Long, Money> margins = event.marginsByReseller();
		checkSplit("refund " + event.refundId() + " of order " + event.orderId(), amount, event.supplierShare(),
				event.platformFeeShare(), event.resellerMarginShare(), event.platformSubsidyShare(), margins, event.lines());
		List<PostingDraft> postings = new ArrayList<>();
		postings.add(PostingDraft.debit(AccountRef.supplierPayable(event.supplierId()), event.supplierShare().amount()));
		postings.add(PostingDraft.debit(AccountRef.platformFees(), event.platformFeeShare().amount()));
		margins.forEach((reseller, margin) -> postings.add(PostingDraft.debit(AccountRef.resellerPending(reseller), margin.amount())));
		postings.add(PostingDraft.credit(AccountRef.platformPromotions(), event.platformSubsidyShare().amount()));
		postings.add(PostingDraft.credit(AccountRef.buyerFunds(event.buyerId()), amount.amount()));
		ledger.post(new EntryDraft("order-refunded:" + event.orderId() + ":" + event.refundId(), "ORDER_REFUNDED",
				"order " + event.orderNo() + " refund " + event.refundId(), amount.currency(), event.at(), postings));
	}

	/**
	 * Refuses a split that does not add up ({@code supplier + fee + margin - subsidy = whole}, the lines' margins
	 * and subsidies adding up to the totals): the books are never forced.
	 */
	private static void checkSplit(String what, Money whole, Money supplier, Money fee, Money margin, Money subsidy,
			Map<Long, Money> margins, List<OrderLineInfo> lines) {
		if (!supplier.plus(fee).plus(margin).minus(subsidy).equals(whole)) {
			throw new IllegalArgumentException(what + ": supplier " + supplier + " + fee " + fee + " + margin " + margin
					+ " - subsidy " + subsidy + " is not the total " + whole);
		}
		Money lineMargins = margins.values().stream().reduce(Money.zero(whole.currency()), Money::plus);
		if (!lineMargins.equals(margin)) {
			throw new IllegalArgumentException(what + ": the lines' margins " + lineMargins + " are not " + margin);
		}
		Money lineSubsidies = lines.stream().map(OrderLineInfo::subsidy).reduce(Money.zero(whole.currency()), Money::plus);
		if (!lineSubsidies.equals(subsidy)) {
			throw new IllegalArgumentException(what + ": the lines' subsidies " + lineSubsidies + " are not " + subsidy);
		}
		if (margins.values().stream().anyMatch(Money::isNegative) || subsidy.isNegative() || fee.isNegative()) {
			throw new IllegalArgumentException(what + ": a negative margin, subsidy or fee");
		}
	}

	/** The provider returned the money to the buyer: we no longer owe it, and no longer hold it. */
	@ApplicationModuleListener
	void on(RefundSucceeded event) {
		Money amount = event.amount();
		ledger.post(new EntryDraft("refund-succeeded:" + event.refundId(), "REFUND",
				"refund " + event.refundId() + " of payment " + event.paymentIntentId(), amount.currency(), event.at(),
				List.of(PostingDraft.debit(AccountRef.buyerFunds(event.payerId()), amount.amount()),
						PostingDraft.credit(AccountRef.providerClearing(), amount.amount()))));
	}
}
