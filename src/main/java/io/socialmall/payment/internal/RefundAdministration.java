package io.socialmall.payment.internal;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.socialmall.core.DomainException;
import io.socialmall.core.Page;
import io.socialmall.core.PageRequest;
import io.socialmall.payment.RefundStatus;
import io.socialmall.payment.RefundView;

/** What an operator does with refunds: list them by state and send a failed one to the provider again. */
@Service
@Transactional
public class RefundAdministration {

	private static final Logger log = LoggerFactory.getLogger(RefundAdministration.class);

	private final JdbcClient jdbc;
	private final Clock clock;
	private final RefundWorker worker;

	RefundAdministration(JdbcClient jdbc, Clock clock, RefundWorker worker) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.worker = worker;
	}

	@Transactional(readOnly = true)
	public Page<RefundView> list(RefundStatus status, PageRequest page) {
		long total = jdbc.sql("SELECT COUNT(*) FROM refunds WHERE status = :status")
			.param("status", status.name())
			.query(Long.class)
			.single();
		var items = jdbc.sql("SELECT " + PaymentRows.REFUND_COLUMNS
				+ " FROM refunds WHERE status = :status ORDER BY requested_at DESC, id DESC LIMIT :size OFFSET :offset")
			.param("status", status.name())
			.param("size", page.size())
			.param("offset", page.offset())
			.query(PaymentRows::refund)
			.list();
		return Page.of(items, page, total);
	}

	/**
	 * Sends a FAILED refund to the provider again, with the same idempotency key and a fresh set of attempts.
	 * Idempotent: a refund that is already queued again is left as it is.
	 */
	public RefundView retry(long operatorId, long refundId) {
		int updated = jdbc.sql("""
				UPDATE refunds SET status = 'REQUESTED', attempts = 0, next_attempt_at = :now, completed_at = NULL,
				  lease_owner = NULL, lease_until = NULL
				WHERE id = :id AND status = 'FAILED'""")
			.param("now", clock.instant())
			.param("id", refundId)
			.update();
		RefundView refund = jdbc.sql("SELECT " + PaymentRows.REFUND_COLUMNS + " FROM refunds WHERE id = :id")
			.param("id", refundId)
			.query(PaymentRows::refund)
			.optional()
			.orElseThrow(() -> DomainException.notFound("refund"));
		if (updated == 1) {
			log.info("operator {} sent refund {} to the provider again", operatorId, refundId);
			worker.processAfterCommit(refundId);
		}
		else if (refund.status() == RefundStatus.SUCCEEDED) {
			throw DomainException.conflict("refund-succeeded", "this refund already succeeded");
		}
		return refund;
	}
}
