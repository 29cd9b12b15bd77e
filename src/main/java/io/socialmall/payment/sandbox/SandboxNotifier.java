package io.socialmall.payment.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The sandbox gateway's outbox of notifications: each one is POSTed, signed, to the merchant's notify URL
 * right after the approval commits, and again with growing pauses until the merchant answers 2xx (the
 * recurring sweep delivers the ones that are due). A lease taken by one conditional UPDATE makes one
 * sender at a time deliver a notification; the merchant deduplicates whatever arrives twice anyway.
 */
@Component
@ConditionalOnProperty(name = "socialmall.payment.sandbox.enabled", havingValue = "true", matchIfMissing = true)
public class SandboxNotifier {

	private static final Logger log = LoggerFactory.getLogger(SandboxNotifier.class);
	private static final Duration LEASE = Duration.ofMinutes(1);
	private static final Duration TIMEOUT = Duration.ofSeconds(10);
	private static final int BATCH = 50;

	private final JdbcClient jdbc;
	private final Clock clock;
	private final SandboxProperties properties;
	private final TaskExecutor executor;
	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	SandboxNotifier(JdbcClient jdbc, Clock clock, SandboxProperties properties,
			@Qualifier("applicationTaskExecutor") TaskExecutor executor) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
		this.executor = executor;
	}

	/** Delivers one notification on another thread: the approving request does not wait for the merchant. */
	void deliverSoon(String notificationId) {
		executor.execute(() -> {
			try {
				deliver(notificationId);
			}
			catch (RuntimeException e) {
				log.warn("sandbox notification {} not delivered now, the sweep retries: {}", notificationId, e.toString());
			}
		});
	}

	/** Delivers every notification that is due; returns how many deliveries were attempted. */
	public int deliverDue() {
		List<String> due = jdbc.sql("""
				SELECT id FROM sandbox_notifications
				WHERE status = 'PENDING' AND next_attempt_at <= :now AND (lease_until IS NULL OR lease_until < :now)
				ORDER BY next_attempt_at LIMIT :batch""")
			.param("now", clock.instant())
			.param("batch", BATCH)
			.query(String.class)
			.list();
		int attempted = 0;
		for (String id : due) {
			if (deliver(id)) {
				attempted++;
			}
		}
		return attempted;
	}

	/** Attempts one delivery if the notification is due and no other sender holds it. */
	public boolean deliver(String notificationId) {
		Instant now = clock.instant();
		int claimed = jdbc.sql("""
				UPDATE sandbox_notifications SET lease_until = :until, attempts = attempts + 1
				WHERE id = :id AND status = 'PENDING' AND next_attempt_at <= :now
				  AND (lease_until IS NULL OR lease_until < :now)""")
			.param("until", now.plus(LEASE))
			.param("id", notificationId)
			.param("now", now)
			.update();
		if (claimed == 0) {
			return false;
		}
		record Pending(String url, String body, int attempts) {
		}
		Pending pending = jdbc.sql("SELECT notify_url, body, attempts FROM sandbox_notifications WHERE id = :id")
			.param("id", notificationId)
			.query((rs, n) -> new Pending(rs.getString(1), rs.getString(2), rs.getInt(3)))
			.single();
		byte[] body = pending.body().getBytes(StandardCharsets.UTF_8);
		long timestamp = clock.instant().getEpochSecond();
		int status;
		String error = null;
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(pending.url()))
				.timeout(TIMEOUT)
				.header("Content-Type", "application/json")
				.header(SandboxSignatures.NOTIFICATION_ID, notificationId)
				.header(SandboxSignatures.TIMESTAMP, String.valueOf(timestamp))
				.header(SandboxSignatures.SIGNATURE,
						SandboxSignatures.sign(properties.secret(), notificationId, timestamp, body))
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build();
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			status = response.statusCode();
			if (status / 100 != 2) {
				error = abbreviate(response.body());
			}
		}
		catch (java.io.IOException e) {
			status = 0;
			error = e.getClass().getSimpleName() + ": " + e.getMessage();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			status = 0;
			error = "interrupted";
		}
		record(notificationId, pending.attempts(), status, error);
		return true;
	}

	private void record(String id, int attempts, int status, String error) {
		Instant now = clock.instant();
		if (status / 100 == 2) {
			jdbc.sql("""
					UPDATE sandbox_notifications SET status = 'DELIVERED', delivered_at = :now, last_status = :status,
					  last_error = NULL, lease_until = NULL
					WHERE id = :id AND status = 'PENDING'""")
				.param("now", now)
				.param("status", status)
				.param("id", id)
				.update();
			return;
		}
		boolean giveUp = attempts >= properties.notifyMaxAttempts();
		if (giveUp) {
			log.error("sandbox notification {} abandoned after {} deliveries; last answer {}", id, attempts, status);
		}
		else {
			log.info("sandbox notification {} delivery {} answered {}; retrying later", id, attempts, status);
		}
		jdbc.sql("""
				UPDATE sandbox_notifications SET status = :next, next_attempt_at = :due, last_status = :status,
				  last_error = :error, lease_until = NULL
				WHERE id = :id AND status = 'PENDING'""")
			.param("next", giveUp ? "ABANDONED" : "PENDING")
			.param("due", now.plus(backoff(attempts)))
			.param("status", status)
			.param("error", abbreviate(error))
			.param("id", id)
			.update();
	}

	/** The pause after {@code attempts} failed deliveries: 15 s, 30 s, 1 min, ... up to an hour. */
	Duration backoff(int attempts) {
		Duration delay = properties.notifyRetryDelay();
		for (int i = 1; i < attempts && delay.compareTo(properties.notifyMaxRetryDelay()) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return delay.compareTo(properties.notifyMaxRetryDelay()) > 0 ? properties.notifyMaxRetryDelay() : delay;
	}

	private static String abbreviate(String text) {
		return text == null || text.length() <= 300 ? text : text.substring(0, 300);
	}
}
