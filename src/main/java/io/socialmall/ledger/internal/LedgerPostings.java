package io.socialmall.ledger.internal;

import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.socialmall.core.Money;
import io.socialmall.ledger.AccountRef;
import io.socialmall.ledger.EntryDraft;
import io.socialmall.ledger.Ledger;
import io.socialmall.ledger.PostingDraft;
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

	/** The buyer's money goes to the order: the supplier's share becomes payable, the fee is ours. */
	@EventListener
	void on(OrderPaid event) {
		Money total = event.total();
		if (!event.supplierAmount().plus(event.platformFee()).equals(total)) {
			throw new IllegalArgumentException("order " + event.orderId() + ": supplier amount " + event.supplierAmount()
					+ " + platform fee " + event.platformFee() + " is not the total " + total);
		}
		ledger.post(new EntryDraft("order-paid:" + event.orderId(), "ORDER_PAID", "order " + event.orderNo() + " paid",
				total.currency(), event.at(),
				List.of(PostingDraft.debit(AccountRef.buyerFunds(event.buyerId()), total.amount()),
						PostingDraft.credit(AccountRef.supplierPayable(event.supplierId()), event.supplierAmount().amount()),
						PostingDraft.credit(AccountRef.platformFees(), event.platformFee().amount()))));
	}

	/** Money of an order goes back to the buyer: taken back from the supplier and from the fee. */
	@ApplicationModuleListener
	void on(OrderRefunded event) {
		Money amount = event.amount();
		if (!event.supplierShare().plus(event.platformFeeShare()).equals(amount)) {
			throw new IllegalArgumentException("order " + event.orderId() + ": supplier share " + event.supplierShare()
					+ " + fee share " + event.platformFeeShare() + " is not the refund " + amount);
		}
		ledger.post(new EntryDraft("order-refunded:" + event.orderId() + ":" + event.refundId(), "ORDER_REFUNDED",
				"order " + event.orderNo() + " refund " + event.refundId(), amount.currency(), event.at(),
				List.of(PostingDraft.debit(AccountRef.supplierPayable(event.supplierId()), event.supplierShare().amount()),
						PostingDraft.debit(AccountRef.platformFees(), event.platformFeeShare().amount()),
						PostingDraft.credit(AccountRef.buyerFunds(event.buyerId()), amount.amount()))));
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
