package io.socialmall.payment.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.socialmall.core.DomainException;
import io.socialmall.core.Ids;
import io.socialmall.core.Money;
import io.socialmall.payment.NewPayment;
import io.socialmall.payment.PaymentIntent;
import io.socialmall.payment.PaymentRedirect;
import io.socialmall.payment.PaymentStatus;
import io.socialmall.payment.Payments;
import io.socialmall.payment.RefundView;
import io.socialmall.payment.spi.CheckoutRequest;
import io.socialmall.payment.spi.PaymentProvider;

@Service
@Transactional
class PaymentManagement implements Payments {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final PaymentProviders providers;
	private final RefundWorker refunds;

	PaymentManagement(JdbcClient jdbc, Clock clock, PaymentProviders providers, RefundWorker refunds) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.providers = providers;
		this.refunds = refunds;
	}

	@Override
	public PaymentIntent create(NewPayment payment) {
		String reference = requireText(payment.reference(), "reference", 100);
		String description = requireText(payment.description(), "description", 200);
		if (payment.amount() == null || payment.amount().amount() <= 0) {
			throw DomainException.invalid("amount", "must be more than zero");
		}
		if (payment.payerId() <= 0) {
			throw DomainException.invalid("payerId", "is required");
		}
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO payment_intents (id, reference, payer_id, amount, currency, refunded_amount, status,
				  description, created_at, updated_at)
				VALUES (:id, :reference, :payer, :amount, :currency, 0, 'CREATED', :description, :now, :now)
				ON CONFLICT DO NOTHING""")
			.param("id", Ids.next())
			.param("reference", reference)
			.param("payer", payment.payerId())
			.param("amount", payment.amount().amount())
			.param("currency", payment.amount().currency())
			.param("description", description)
			.param("now", now)
			.update();
		PaymentIntent intent = findByReference(reference).orElseThrow(() -> DomainException
			.conflict("payment-in-progress", "a payment with this reference is being created; try again"));
		if (intent.payerId() != payment.payerId() || !intent.amount().equals(payment.amount())) {
			throw DomainException.conflict("payment-reference-reused",
					"a payment with this reference exists for another payer or amount");
		}
		return intent;
	}

	@Override
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public Optional<PaymentIntent> find(long paymentIntentId) {
		return jdbc.sql("SELECT " + PaymentRows.INTENT_COLUMNS + " FROM payment_intents WHERE id = :id")
			.param("id", paymentIntentId)
			.query(PaymentRows::intent)
			.optional();
	}

	@Override
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public Optional<PaymentIntent> findByReference(String reference) {
		return jdbc.sql("SELECT " + PaymentRows.INTENT_COLUMNS + " FROM payment_intents WHERE reference = :reference")
			.param("reference", reference)
			.query(PaymentRows::intent)
			.optional();
	}

	@Override
	public PaymentRedirect start(long paymentIntentId, long payerId, String provider) {
		return start(paymentIntentId, payerId, provider, null);
	}

	@Override
	public PaymentRedirect start(long paymentIntentId, long payerId, String providerName, String returnPath) {
		PaymentProvider provider = providers.require(providerName);
		String back = returnPath == null || returnPath.isBlank() ? "/payments/" + paymentIntentId
				: localPath(returnPath);
		PaymentIntent intent = find(paymentIntentId).filter(i -> i.payerId() == payerId)
			.orElseThrow(() -> DomainException.notFound("payment"));
		int updated = jdbc.sql("""
				UPDATE payment_intents SET status = 'PENDING', provider = :provider, updated_at = :now
				WHERE id = :id AND status IN ('CREATED', 'PENDING', 'FAILED')""")
			.param("provider", provider.name())
			.param("now", clock.instant())
			.param("id", paymentIntentId)
			.update();
		if (updated == 0) {
			throw notPayable(find(paymentIntentId).orElse(intent).status());
		}
		// The status is written first: if the gateway refuses to open the payment, it rolls back.
		var checkout = provider.begin(new CheckoutRequest(String.valueOf(paymentIntentId), intent.amount(),
				intent.description(), back, providers.notifyUrl(provider)));
		return new PaymentRedirect(paymentIntentId, provider.name(), checkout.redirectUrl());
	}

	@Override
	public void cancel(long paymentIntentId) {
		int updated = jdbc.sql("""
				UPDATE payment_intents SET status = 'CANCELLED', updated_at = :now
				WHERE id = :id AND status IN ('CREATED', 'PENDING', 'FAILED')""")
			.param("now", clock.instant())
			.param("id", paymentIntentId)
			.update();
		if (updated == 0) {
			PaymentIntent intent = find(paymentIntentId).orElseThrow(() -> DomainException.notFound("payment"));
			if (intent.status() == PaymentStatus.SUCCEEDED) {
				throw DomainException.conflict("payment-already-succeeded", "this payment was already made");
			}
		}
	}

	@Override
	public RefundView requestRefund(long paymentIntentId, String reference, Money amount, String reason) {
		String ref = requireText(reference, "reference", 100);
		if (amount == null || amount.amount() <= 0) {
			throw DomainException.invalid("amount", "must be more than zero");
		}
		if (reason != null && reason.length() > 200) {
			throw DomainException.invalid("reason", "at most 200 characters");
		}
		PaymentIntent intent = find(paymentIntentId).orElseThrow(() -> DomainException.notFound("payment"));
		if (!intent.amount().currency().equals(amount.currency())) {
			throw DomainException.invalid("amount", "must be in the payment's currency " + intent.amount().currency());
		}
		long refundId = Ids.next();
		Instant now = clock.instant();
		int inserted = jdbc.sql("""
				INSERT INTO refunds (id, payment_intent_id, reference, amount, currency, status, reason, attempts,
				  next_attempt_at, requested_at)
				VALUES (:id, :intent, :reference, :amount, :currency, 'REQUESTED', :reason, 0, :now, :now)
				ON CONFLICT DO NOTHING""")
			.param("id", refundId)
			.param("intent", paymentIntentId)
			.param("reference", ref)
			.param("amount", amount.amount())
			.param("currency", amount.currency())
			.param("reason", reason)
			.param("now", now)
			.update();
		if (inserted == 0) {
			RefundView existing = refundByReference(ref).orElseThrow(() -> DomainException
				.conflict("refund-in-progress", "a refund with this reference is being requested; try again"));
			if (existing.paymentIntentId() != paymentIntentId || !existing.amount().equals(amount)) {
				throw DomainException.conflict("refund-reference-reused",
						"a refund with this reference exists for another payment or amount");
			}
			return existing;
		}
		// One conditional update on the intent row: concurrent refunds queue on its lock and each re-checks
		// the bound, so the refunds of a payment can never add up to more than was paid.
		int reserved = jdbc.sql("""
				UPDATE payment_intents SET refunded_amount = refunded_amount + :amount, updated_at = :now
				WHERE id = :id AND status = 'SUCCEEDED' AND refunded_amount + :amount <= amount""")
			.param("amount", amount.amount())
			.param("now", now)
			.param("id", paymentIntentId)
			.update();
		if (reserved == 0) {
			if (intent.status() != PaymentStatus.SUCCEEDED) {
				throw DomainException.conflict("payment-not-succeeded", "only a succeeded payment can be refunded");
			}
			throw DomainException.unprocessable("refund-exceeds-payment",
					"the refunds of this payment would add up to more than was paid");
		}
		refunds.processAfterCommit(refundId);
		return refundByReference(ref).orElseThrow();
	}

	@Override
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public List<RefundView> refunds(long paymentIntentId) {
		return jdbc.sql("SELECT " + PaymentRows.REFUND_COLUMNS
				+ " FROM refunds WHERE payment_intent_id = :intent ORDER BY requested_at, id")
			.param("intent", paymentIntentId)
			.query(PaymentRows::refund)
			.list();
	}

	private Optional<RefundView> refundByReference(String reference) {
		return jdbc.sql("SELECT " + PaymentRows.REFUND_COLUMNS + " FROM refunds WHERE reference = :reference")
			.param("reference", reference)
			.query(PaymentRows::refund)
			.optional();
	}

	private static DomainException notPayable(PaymentStatus status) {
		return switch (status) {
			case SUCCEEDED -> DomainException.conflict("payment-already-succeeded", "this payment was already made");
			case CANCELLED -> DomainException.conflict("payment-cancelled", "this payment was cancelled");
			default -> DomainException.conflict("payment-not-payable", "this payment cannot be paid now");
		};
	}

	private static String requireText(String value, String field, int max) {
		if (value == null || value.isBlank()) {
			throw DomainException.invalid(field, "is required");
		}
		String text = value.strip();
		if (text.length() > max) {
			throw DomainException.invalid(field, "at most " + max + " characters");
		}
		return text;
	}

	/** Only a path on this site, so a crafted return path cannot send the buyer elsewhere. */
	static String localPath(String path) {
		if (!path.startsWith("/") || path.startsWith("//") || path.contains("\\") || path.length() > 300
				|| path.chars().anyMatch(c -> c < 0x21 || c == 0x7F)) {
			throw DomainException.invalid("returnPath", "must be a path on this site, such as /orders");
		}
		return path;
	}
}
