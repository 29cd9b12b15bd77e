package io.socialmall.core.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.socialmall.core.DomainException;
import io.socialmall.core.IdempotentCommands;
import tools.jackson.databind.json.JsonMapper;

@Service
class JdbcIdempotentCommands implements IdempotentCommands {

	private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,100}");
	private static final long WAIT_FOR_CONCURRENT_ATTEMPT_MS = 15_000;

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final JsonMapper json;
	private final Clock clock;

	JdbcIdempotentCommands(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.json = json;
		this.clock = clock;
	}

	@Override
	public <T> Outcome<T> run(String scope, long ownerId, String key, Object request, Class<T> resultType,
			Supplier<T> command) {
		if (key == null || key.isBlank()) {
			throw new DomainException(HttpStatus.BAD_REQUEST, "idempotency-key-required",
					"this request moves money or stock: send an Idempotency-Key header");
		}
		if (!KEY.matcher(key).matches()) {
			throw DomainException.invalid("Idempotency-Key", "1 to 100 printable ASCII characters");
		}
		String fingerprint = fingerprint(request);
		long deadline = System.currentTimeMillis() + WAIT_FOR_CONCURRENT_ATTEMPT_MS;
		while (true) {
			Outcome<T> outcome = transactions.execute(status -> {
				int inserted = jdbc.sql("""
						INSERT INTO idempotency_records (scope, owner_id, idem_key, fingerprint, created_at)
						VALUES (:scope, :owner, :key, :fingerprint, :now) ON CONFLICT DO NOTHING""")
					.param("scope", scope)
					.param("owner", ownerId)
					.param("key", key)
					.param("fingerprint", fingerprint)
					.param("now", clock.instant())
					.update();
				if (inserted == 1) {
					T result = command.get();
					jdbc.sql("""
							UPDATE idempotency_records SET result = :result
							WHERE scope = :scope AND owner_id = :owner AND idem_key = :key""")
						.param("result", json.writeValueAsString(result))
						.param("scope", scope)
						.param("owner", ownerId)
						.param("key", key)
						.update();
					return new Outcome<>(result, false);
				}
				return stored(scope, ownerId, key, fingerprint, resultType).orElse(null);
			});
			if (outcome != null) {
				return outcome;
			}
			// Another attempt with this key holds it but has not committed yet (seen on H2, which does not
			// block the insert like PostgreSQL does): wait for it to commit or roll back.
			if (System.currentTimeMillis() > deadline) {
				throw DomainException.conflict("idempotency-key-in-use",
						"a request with this Idempotency-Key is still being processed");
			}
			pause();
		}
	}

	private <T> Optional<Outcome<T>> stored(String scope, long ownerId, String key, String fingerprint,
			Class<T> resultType) {
		return jdbc.sql("""
				SELECT fingerprint, result FROM idempotency_records
				WHERE scope = :scope AND owner_id = :owner AND idem_key = :key""")
			.param("scope", scope)
			.param("owner", ownerId)
			.param("key", key)
			.query((rs, n) -> {
				if (!fingerprint.equals(rs.getString("fingerprint"))) {
					throw DomainException.unprocessable("idempotency-key-reused",
							"this Idempotency-Key was used with a different request");
				}
				String result = rs.getString("result");
				return result == null ? null : new Outcome<>(json.readValue(result, resultType), true);
			})
			.optional();
	}

	/** Forgets keys older than the retention so the table stays small; clients retry within minutes. */
	int purgeOlderThan(long days) {
		Instant cutoff = clock.instant().minus(days, ChronoUnit.DAYS);
		return jdbc.sql("DELETE FROM idempotency_records WHERE created_at < :cutoff").param("cutoff", cutoff).update();
	}

	private String fingerprint(Object request) {
		try {
			byte[] body = json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static void pause() {
		java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
	}
}
