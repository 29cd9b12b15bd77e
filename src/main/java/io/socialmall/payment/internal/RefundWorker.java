package io.socialmall.payment.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.socialmall.core.Money;
import io.socialmall.payment.RefundFailed;
import io.socialmall.payment.RefundSucceeded;
import io.socialmall.payment.spi.RefundOutcome;
import io.socialmall.payment.spi.RefundRequest;

/**
 * Sends queued refunds to their provider, outside any transaction. A worker first takes a lease on the
 * refund with one conditional UPDATE, so of two workers (threads or nodes) only one calls the provider;
 * the call carries the refund's id as idempotency key, so even a call repeated after a crash (the lease
 * ran out) refunds once at the gateway. The outcome is recorded, and announced, in a short transaction.
 */
@Component
public class RefundWorker {

	private static final Logger log = LoggerFactory.getLogger(RefundWorker.class);
	private static final int BATCH = 50;

	private final JdbcClient jdbc;
	private final Clock clock;
	private final PaymentProviders providers;
	private final PaymentProperties.Refund settings;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final TaskExecutor executor;

	RefundWorker(JdbcClient jdbc, Clock clock, PaymentProviders providers, PaymentProperties properties,
			TransactionTemplate transactions, ApplicationEventPublisher events,
			@Qualifier("applicationTaskExecutor") TaskExecutor executor) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.providers = providers;
		this.settings = properties.refund();
		this.transactions = transactions;
		this.events = events;
		this.executor = executor;
	}

	/** Processes {@code refundId} as soon as the current transaction commits (the recurring sweep is the backstop). */
	void processAfterCommit(long refundId) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			executor.execute(() -> processQuietly(refundId));
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				executor.execute(() -> processQuietly(refundId));
			}
		});
	}

	/** Processes every refund that is due; returns how many this call completed or rescheduled. */
	public int processDue() {
		List<Long> due = jdbc.sql("""
				SELECT id FROM refunds
				WHERE status = 'REQUESTED' AND next_attempt_at <= :now AND (lease_until IS NULL OR lease_until < :now)
				ORDER BY next_attempt_at LIMIT :batch""")
			.param("now", clock.instant())
			.param("batch", BATCH)
			.query(Long.class)
			.list();
		int processed = 0;
		for (long id : due) {
			if (process(id)) {
				processed++;
			}
		}
		return processed;
	}

	private void processQuietly(long refundId) {
		try {
			process(refundId);
		}
		catch (RuntimeException e) {
			// the recurring sweep picks the refund up again once its lease runs out
			log.warn("refund {} could not be processed now: {}", refundId, e.toString());
		}
	}

	/** Calls the provider for one refund if it is due and nobody else holds it; false if it was not ours. */
	public boolean process(long refundId) {
		String owner = UUID.randomUUID().toString();
		Instant now = clock.instant();
		int claimed = jdbc.sql("""
				UPDATE refunds SET lease_owner = :owner, lease_until = :until, attempts = attempts + 1
				WHERE id = :id AND status = 'REQUESTED' AND next_attempt_at <= :now
				  AND (lease_until IS NULL OR lease_until < :now)""")
			.param("owner", owner)
			.param("until", now.plus(settings.lease()))
			.param("id", refundId)
			.param("now", now)
			.update();
		if (claimed == 0) {
			return false;
		}
		Claimed refund = jdbc.sql("""
				SELECT r.id, r.payment_intent_id, r.reference, r.amount, r.currency, r.reason, r.attempts,
				  i.payer_id, i.provider, i.provider_txn_id, i.amount AS paid, i.currency AS paid_currency
				FROM refunds r JOIN payment_intents i ON i.id = r.payment_intent_id WHERE r.id = :id""")
			.param("id", refundId)
			.query((rs, n) -> new Claimed(rs.getLong("id"), rs.getLong("payment_intent_id"), rs.getString("reference"),
					Money.of(rs.getLong("amount"), rs.getString("currency")), rs.getString("reason"), rs.getInt("attempts"),
					rs.getLong("payer_id"), rs.getString("provider"), rs.getString("provider_txn_id"),
					Money.of(rs.getLong("paid"), rs.getString("paid_currency"))))
			.single();
		RefundOutcome outcome = call(refund);
		transactions.executeWithoutResult(status -> record(refund, owner, outcome));
		return true;
	}

	private RefundOutcome call(Claimed refund) {
		var provider = providers.find(refund.provider());
		if (provider.isEmpty()) {
			return RefundOutcome.retry("provider " + refund.provider() + " is not configured here");
		}
		try {
			RefundOutcome outcome = provider.get()
				.refund(new RefundRequest(idempotencyKey(refund.id()), refund.transactionId(), refund.amount(),
						refund.paid(), refund.reason()));
			return outcome == null ? RefundOutcome.retry("no answer") : outcome;
		}
		catch (RuntimeException e) {
			return RefundOutcome.retry(e.getClass().getSimpleName() + ": " + e.getMessage());
		}
	}

	/** The same for every attempt of one refund, so the gateway executes it once. */
	static String idempotencyKey(long refundId) {
		return "refund-" + refundId;
	}

	private void record(Claimed refund, String owner, RefundOutcome outcome) {
		Instant now = clock.instant();
		switch (outcome.status()) {
			case SUCCEEDED -> {
				if (complete(refund, owner, "SUCCEEDED", outcome.providerRefundId(), null, now)) {
					events.publishEvent(new RefundSucceeded(refund.id(), refund.intentId(), refund.reference(),
							refund.payerId(), refund.amount(), now));
				}
			}
			case REJECTED -> fail(refund, owner, outcome.message(), now);
			case RETRY -> {
				if (refund.attempts() >= settings.maxAttempts()) {
					fail(refund, owner, outcome.message(), now);
					return;
				}
				log.info("refund {} attempt {} did not go through, retrying later: {}", refund.id(), refund.attempts(),
						outcome.message());
				jdbc.sql("""
						UPDATE refunds SET lease_owner = NULL, lease_until = NULL, next_attempt_at = :next,
						  last_error = :error
						WHERE id = :id AND status = 'REQUESTED' AND lease_owner = :owner""")
					.param("next", now.plus(backoff(refund.attempts())))
					.param("error", truncate(outcome.message()))
					.param("id", refund.id())
					.param("owner", owner)
					.update();
			}
		}
	}

	private void fail(Claimed refund, String owner, String message, Instant now) {
		if (complete(refund, owner, "FAILED", null, message, now)) {
			log.error("refund {} of payment {} failed after {} attempts: {}", refund.id(), refund.intentId(),
					refund.attempts(), message);
			events.publishEvent(new RefundFailed(refund.id(), refund.intentId(), refund.reference(), refund.amount(),
					message == null ? "refused by the provider" : message, now));
		}
	}

	private boolean complete(Claimed refund, String owner, String status, String providerRefundId, String error,
			Instant now) {
		return jdbc.sql("""
				UPDATE refunds SET status = :status, provider_refund_id = :providerRefund, last_error = :error,
				  completed_at = :now, lease_owner = NULL, lease_until = NULL
				WHERE id = :id AND status = 'REQUESTED' AND lease_owner = :owner""")
			.param("status", status)
			.param("providerRefund", providerRefundId)
			.param("error", truncate(error))
			.param("now", now)
			.param("id", refund.id())
			.param("owner", owner)
			.update() == 1;
	}

	Duration backoff(int attempts) {
		Duration delay = settings.retryDelay();
		for (int i = 1; i < attempts && delay.compareTo(settings.maxRetryDelay()) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return delay.compareTo(settings.maxRetryDelay()) > 0 ? settings.maxRetryDelay() : delay;
	}

	private static String truncate(String text) {
		return text == null || text.length() <= 300 ? text : text.substring(0, 300);
	}

	private record Claimed(long id, long intentId, String reference, Money amount, String reason, int attempts,
			long payerId, String provider, String transactionId, Money paid) {
	}
}
