package io.socialmall.payment.sandbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.socialmall.core.DomainException;
import io.socialmall.core.Ids;
import io.socialmall.core.Money;
import io.socialmall.payment.spi.CheckoutRequest;
import io.socialmall.payment.spi.RefundOutcome;
import io.socialmall.payment.spi.RefundRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The built-in sandbox payment gateway: a stand-in for a real one that happens to live on this site. It
 * keeps its own books (sessions, transactions, refunds) in its own tables and commits them on its own, as
 * an outside system would: its "API calls" run in transactions of their own ({@code REQUIRES_NEW}). It
 * tells the merchant about outcomes only by signed notifications delivered over HTTP (see
 * {@link SandboxNotifier}), never by calling into the payment module.
 */
@Service
@ConditionalOnProperty(name = "socialmall.payment.sandbox.enabled", havingValue = "true", matchIfMissing = true)
public class SandboxGateway {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final Clock clock;
	private final SandboxProperties properties;
	private final SandboxNotifier notifier;
	private final JsonMapper json;
	private final TransactionTemplate ownTransaction;
	private volatile boolean available = true;

	SandboxGateway(JdbcClient jdbc, Clock clock, SandboxProperties properties, SandboxNotifier notifier, JsonMapper json,
			PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
		this.notifier = notifier;
		this.json = json;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Fault injection, as sandboxes of real gateways offer: while unavailable, the gateway's API (opening
	 * payments, refunds) answers like a gateway that is down.
	 */
	public void setAvailable(boolean available) {
		this.available = available;
	}

	/** The create-payment API: opens a session the buyer approves or declines on the sandbox page. */
	SandboxSession open(CheckoutRequest request) {
		requireAvailable();
		byte[] random = new byte[18];
		RANDOM.nextBytes(random);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		Instant now = clock.instant();
		ownTransaction.executeWithoutResult(status -> jdbc.sql("""
				INSERT INTO sandbox_payments (token, merchant_order_no, merchant_name, amount, currency, description,
				  notify_url, return_url, status, refunded_amount, created_at, expires_at)
				VALUES (:token, :order, :merchant, :amount, :currency, :description, :notify, :return, 'OPEN', 0,
				  :now, :expires)""")
			.param("token", token)
			.param("order", request.merchantOrderNo())
			.param("merchant", properties.merchantName())
			.param("amount", request.amount().amount())
			.param("currency", request.amount().currency())
			.param("description", request.description())
			.param("notify", request.notifyUrl())
			.param("return", request.returnUrl())
			.param("now", now)
			.param("expires", now.plus(properties.sessionTtl()))
			.update());
		return session(token).orElseThrow();
	}

	public Optional<SandboxSession> session(String token) {
		Instant now = clock.instant();
		return jdbc.sql("""
				SELECT token, merchant_order_no, merchant_name, amount, currency, description, return_url, status,
				  transaction_id, expires_at
				FROM sandbox_payments WHERE token = :token""")
			.param("token", token)
			.query((rs, n) -> {
				Instant expires = rs.getTimestamp("expires_at").toInstant();
				return new SandboxSession(rs.getString("token"), rs.getString("merchant_order_no"),
						rs.getString("merchant_name"), Money.of(rs.getLong("amount"), rs.getString("currency")),
						rs.getString("description"), rs.getString("return_url"),
						SandboxSession.Status.valueOf(rs.getString("status")), rs.getString("transaction_id"), expires,
						!now.isBefore(expires));
			})
			.optional();
	}

	/**
	 * The buyer approved: the gateway takes the money (records its transaction) and queues a signed
	 * payment.succeeded notification, delivered right after commit and retried until the merchant
	 * answers 2xx. A session can be decided once; a merchant order can be paid once, whichever session.
	 */
	public SandboxSession approve(String token) {
		return decide(token, SandboxSession.Status.PAID);
	}

	/** The buyer declined: nothing is taken; the merchant is notified so the buyer may try again. */
	public SandboxSession decline(String token) {
		return decide(token, SandboxSession.Status.DECLINED);
	}

	private SandboxSession decide(String token, SandboxSession.Status outcome) {
		SandboxSession session = session(token).orElseThrow(() -> DomainException.notFound("payment session"));
		if (!session.open()) {
			return session;
		}
		ownTransaction.executeWithoutResult(status -> {
			Instant now = clock.instant();
			String transactionId = "sbx_" + Ids.next();
			int decided = jdbc.sql("""
					UPDATE sandbox_payments SET status = :outcome, transaction_id = :txn, completed_at = :now
					WHERE token = :token AND status = 'OPEN' AND expires_at > :now""")
				.param("outcome", outcome.name())
				.param("txn", transactionId)
				.param("now", now)
				.param("token", token)
				.update();
			if (decided == 0) {
				return;
			}
			if (outcome == SandboxSession.Status.PAID) {
				int captured = jdbc.sql("""
						INSERT INTO sandbox_captures (merchant_order_no, token, transaction_id, captured_at)
						VALUES (:order, :token, :txn, :now) ON CONFLICT DO NOTHING""")
					.param("order", session.merchantOrderNo())
					.param("token", token)
					.param("txn", transactionId)
					.param("now", now)
					.update();
				if (captured == 0) {
					throw DomainException.conflict("sandbox-order-paid", "this order was already paid");
				}
			}
			String notificationId = queueNotification(session, outcome, transactionId, now);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					notifier.deliverSoon(notificationId);
				}
			});
		});
		return session(token).orElseThrow();
	}

	private String queueNotification(SandboxSession session, SandboxSession.Status outcome, String transactionId,
			Instant now) {
		String id = "ntf_" + Ids.next();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", id);
		body.put("type", outcome == SandboxSession.Status.PAID ? "payment.succeeded" : "payment.failed");
		body.put("merchantOrderNo", session.merchantOrderNo());
		body.put("transactionId", transactionId);
		body.put("amount", session.amount().amount());
		body.put("currency", session.amount().currency());
		body.put("occurredAt", now.toString());
		if (outcome == SandboxSession.Status.DECLINED) {
			body.put("reason", "declined by the payer");
		}
		jdbc.sql("""
				INSERT INTO sandbox_notifications (id, token, notify_url, body, status, attempts, next_attempt_at,
				  created_at)
				SELECT :id, token, notify_url, :body, 'PENDING', 0, :now, :now FROM sandbox_payments WHERE token = :token""")
			.param("id", id)
			.param("body", json.writeValueAsString(body))
			.param("now", now)
			.param("token", session.token())
			.update();
		return id;
	}

	/**
	 * The refund API. Executes each idempotency key once: a repeated call (a retry after a lost answer)
	 * gets the first call's answer and moves no money. Refuses to refund more than the transaction took.
	 */
	RefundOutcome refund(RefundRequest request) {
		requireAvailable();
		return ownTransaction.execute(status -> {
			Instant now = clock.instant();
			int inserted = jdbc.sql("""
					INSERT INTO sandbox_refunds (idempotency_key, refund_id, transaction_id, amount, currency, status,
					  requests, created_at)
					VALUES (:key, :refundId, :txn, :amount, :currency, 'PROCESSING', 1, :now) ON CONFLICT DO NOTHING""")
				.param("key", request.idempotencyKey())
				.param("refundId", "sbr_" + Ids.next())
				.param("txn", String.valueOf(request.transactionId()))
				.param("amount", request.amount().amount())
				.param("currency", request.amount().currency())
				.param("now", now)
				.update();
			if (inserted == 0) {
				return repeated(request);
			}
			int refunded = jdbc.sql("""
					UPDATE sandbox_payments SET refunded_amount = refunded_amount + :amount
					WHERE transaction_id = :txn AND status = 'PAID' AND currency = :currency
					  AND refunded_amount + :amount <= amount""")
				.param("amount", request.amount().amount())
				.param("txn", request.transactionId())
				.param("currency", request.amount().currency())
				.update();
			String outcome = refunded == 1 ? "SUCCEEDED" : "REJECTED";
			String message = refunded == 1 ? null : "no such paid transaction, or more than it took";
			jdbc.sql("UPDATE sandbox_refunds SET status = :status, message = :message WHERE idempotency_key = :key")
				.param("status", outcome)
				.param("message", message)
				.param("key", request.idempotencyKey())
				.update();
			return refunded == 1 ? RefundOutcome.succeeded(refundId(request.idempotencyKey()))
					: RefundOutcome.rejected(message);
		});
	}

	private RefundOutcome repeated(RefundRequest request) {
		jdbc.sql("UPDATE sandbox_refunds SET requests = requests + 1 WHERE idempotency_key = :key")
			.param("key", request.idempotencyKey())
			.update();
		record Earlier(String refundId, String transactionId, long amount, String status, String message) {
		}
		Earlier earlier = jdbc.sql("""
				SELECT refund_id, transaction_id, amount, status, message FROM sandbox_refunds
				WHERE idempotency_key = :key""")
			.param("key", request.idempotencyKey())
			.query((rs, n) -> new Earlier(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
					rs.getString(5)))
			.optional()
			.orElseThrow(() -> new SandboxUnavailable("a request with this idempotency key is still being processed"));
		if (!earlier.transactionId().equals(request.transactionId()) || earlier.amount() != request.amount().amount()) {
			return RefundOutcome.rejected("idempotency key reused for another refund");
		}
		return switch (earlier.status()) {
			case "SUCCEEDED" -> RefundOutcome.succeeded(earlier.refundId());
			case "REJECTED" -> RefundOutcome.rejected(earlier.message());
			default -> throw new SandboxUnavailable("a request with this idempotency key is still being processed");
		};
	}

	private String refundId(String key) {
		return jdbc.sql("SELECT refund_id FROM sandbox_refunds WHERE idempotency_key = :key")
			.param("key", key)
			.query(String.class)
			.single();
	}

	private void requireAvailable() {
		if (!available) {
			throw new SandboxUnavailable("the sandbox gateway is unavailable (simulated outage)");
		}
	}

	/** The gateway did not (or could not) answer; the caller may try again later. */
	static final class SandboxUnavailable extends RuntimeException {

		SandboxUnavailable(String message) {
			super(message);
		}
	}
}
