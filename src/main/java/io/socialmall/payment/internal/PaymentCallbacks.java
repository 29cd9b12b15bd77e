package io.socialmall.payment.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.socialmall.core.DomainException;
import io.socialmall.payment.PaymentFailed;
import io.socialmall.payment.PaymentIntent;
import io.socialmall.payment.PaymentSucceeded;
import io.socialmall.payment.spi.NotificationRequest;
import io.socialmall.payment.spi.PaymentProvider;
import io.socialmall.payment.spi.ProviderNotification;

/**
 * Turns verified provider notifications into payment state changes, each exactly once. In one transaction:
 * the notification id is inserted under a unique key (a replay inserts nothing and changes nothing), the
 * intent moves by a conditional UPDATE, and the event is published so that synchronous listeners (orders,
 * ledger) commit with it. Anything that does not verify or does not match the intent is refused with a
 * 4xx and changes nothing; the gateway keeps retrying whatever we did not answer with 2xx.
 */
@Service
public class PaymentCallbacks {

	private static final Logger log = LoggerFactory.getLogger(PaymentCallbacks.class);
	private static final long WAIT_FOR_CONCURRENT_DELIVERY_MS = 5_000;

	private final JdbcClient jdbc;
	private final Clock clock;
	private final PaymentProviders providers;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;

	PaymentCallbacks(JdbcClient jdbc, Clock clock, PaymentProviders providers, TransactionTemplate transactions,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.providers = providers;
		this.transactions = transactions;
		this.events = events;
	}

	/** What a notification did. */
	public enum Effect {
		/** It changed the payment (and its event was published). */
		APPLIED,
		/** It was verified and recorded but changed nothing (e.g. a second success for a paid intent). */
		NO_EFFECT,
		/** We had it already: a retry or a replay. */
		DUPLICATE
	}

	/**
	 * Verifies and applies one notification.
	 * @throws DomainException 4xx if it does not verify or does not match its payment (nothing changed), or
	 * 409 if the same notification is being applied by a concurrent delivery that has not finished yet
	 */
	public Effect receive(String providerName, NotificationRequest request) {
		PaymentProvider provider = providers.find(providerName)
			.orElseThrow(() -> DomainException.notFound("payment provider"));
		ProviderNotification notification;
		try {
			notification = provider.verify(request);
		}
		catch (DomainException e) {
			log.warn("refused a {} notification: {} ({})", provider.name(), e.getMessage(), e.code());
			throw e;
		}
		long deadline = System.currentTimeMillis() + WAIT_FOR_CONCURRENT_DELIVERY_MS;
		while (true) {
			try {
				return transactions.execute(status -> apply(provider, notification));
			}
			catch (InFlight e) {
				// Only on databases that do not make a duplicate insert wait for the first one (H2):
				// wait until the first delivery committed or rolled back, then decide again.
				if (System.currentTimeMillis() > deadline) {
					throw DomainException.conflict("notification-in-progress",
							"this notification is being processed; deliver it again later");
				}
				LockSupport.parkNanos(20_000_000L);
			}
		}
	}

	private Effect apply(PaymentProvider provider, ProviderNotification n) {
		PaymentIntent intent = intentFor(n.merchantOrderNo());
		if (intent == null) {
			log.warn("refused a {} notification {}: no payment {}", provider.name(), n.notificationId(),
					n.merchantOrderNo());
			throw DomainException.notFound("payment");
		}
		if (!intent.amount().equals(n.amount())) {
			log.warn("refused a {} notification {} for payment {}: amount {} but the payment is {}", provider.name(),
					n.notificationId(), intent.id(), n.amount(), intent.amount());
			throw DomainException.unprocessable("amount-mismatch", "the amount does not match the payment");
		}
		Instant now = clock.instant();
		int inserted = jdbc.sql("""
				INSERT INTO payment_notifications (provider, notification_id, payment_intent_id, kind, transaction_id,
				  amount, currency, effect, received_at)
				VALUES (:provider, :id, :intent, :kind, :txn, :amount, :currency, 'RECEIVED', :now)
				ON CONFLICT DO NOTHING""")
			.param("provider", provider.name())
			.param("id", n.notificationId())
			.param("intent", intent.id())
			.param("kind", n.kind().name())
			.param("txn", n.transactionId())
			.param("amount", n.amount().amount())
			.param("currency", n.amount().currency())
			.param("now", now)
			.update();
		if (inserted == 0) {
			boolean committed = jdbc.sql(
					"SELECT COUNT(*) FROM payment_notifications WHERE provider = :provider AND notification_id = :id")
				.param("provider", provider.name())
				.param("id", n.notificationId())
				.query(Long.class)
				.single() > 0;
			if (!committed) {
				throw new InFlight();
			}
			return Effect.DUPLICATE;
		}
		Effect effect = switch (n.kind()) {
			case PAYMENT_SUCCEEDED -> succeeded(provider, intent, n, now);
			case PAYMENT_FAILED -> failed(intent, n, now);
		};
		jdbc.sql("UPDATE payment_notifications SET effect = :effect WHERE provider = :provider AND notification_id = :id")
			.param("effect", effect.name())
			.param("provider", provider.name())
			.param("id", n.notificationId())
			.update();
		return effect;
	}

	private Effect succeeded(PaymentProvider provider, PaymentIntent intent, ProviderNotification n, Instant now) {
		// From any state but SUCCEEDED: the money was taken even if the intent was cancelled or had failed
		// meanwhile; the owner of the reference refunds what it cannot use.
		int updated = jdbc.sql("""
				UPDATE payment_intents SET status = 'SUCCEEDED', provider = :provider, provider_txn_id = :txn,
				  succeeded_at = :now, updated_at = :now
				WHERE id = :id AND status <> 'SUCCEEDED'""")
			.param("provider", provider.name())
			.param("txn", n.transactionId())
			.param("now", now)
			.param("id", intent.id())
			.update();
		if (updated == 0) {
			String paidWith = jdbc.sql("SELECT provider_txn_id FROM payment_intents WHERE id = :id")
				.param("id", intent.id())
				.query(String.class)
				.single();
			if (!n.transactionId().equals(paidWith)) {
				log.error("payment {} was paid again by {} transaction {} (first {}); an operator must refund it",
						intent.id(), provider.name(), n.transactionId(), paidWith);
			}
			return Effect.NO_EFFECT;
		}
		events.publishEvent(new PaymentSucceeded(intent.id(), intent.reference(), intent.payerId(), intent.amount(),
				provider.name(), n.transactionId(), now));
		return Effect.APPLIED;
	}

	private Effect failed(PaymentIntent intent, ProviderNotification n, Instant now) {
		int updated = jdbc.sql("""
				UPDATE payment_intents SET status = 'FAILED', updated_at = :now
				WHERE id = :id AND status IN ('CREATED', 'PENDING')""")
			.param("now", now)
			.param("id", intent.id())
			.update();
		if (updated == 0) {
			return Effect.NO_EFFECT;
		}
		events.publishEvent(new PaymentFailed(intent.id(), intent.reference(), intent.payerId(),
				n.reason() == null || n.reason().isBlank() ? "declined" : n.reason(), now));
		return Effect.APPLIED;
	}

	private PaymentIntent intentFor(String merchantOrderNo) {
		long id;
		try {
			id = Long.parseLong(merchantOrderNo);
		}
		catch (NumberFormatException | NullPointerException e) {
			return null;
		}
		return jdbc.sql("SELECT " + PaymentRows.INTENT_COLUMNS + " FROM payment_intents WHERE id = :id")
			.param("id", id)
			.query(PaymentRows::intent)
			.optional()
			.orElse(null);
	}

	/** The same notification id is inserted by a concurrent transaction that has not committed yet. */
	private static final class InFlight extends RuntimeException {

		InFlight() {
			super(null, null, false, false);
		}
	}
}
