package io.socialmall.core;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time-ordered 53-bit identifiers (safe as JSON numbers): 41 bits of milliseconds since 2026-01-01,
 * 5 bits of node and 7 bits of sequence. Generated in the application so that a whole aggregate can
 * be written in one batch without a round trip for generated keys.
 */
public final class Ids {

	private static final long EPOCH = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
	private static final int NODE_BITS = 5;
	private static final int SEQUENCE_BITS = 7;
	private static final long MAX_SEQUENCE = (1L << SEQUENCE_BITS) - 1;
	private static final long NODE = nodeId();
	private static final AtomicLong LAST = new AtomicLong();

	private Ids() {
	}

	/** A new identifier, larger than every identifier this node produced before. */
	public static long next() {
		while (true) {
			long now = System.currentTimeMillis() - EPOCH;
			long last = LAST.get();
			long lastMillis = last >>> (NODE_BITS + SEQUENCE_BITS);
			long candidate;
			if (now > lastMillis) {
				candidate = (now << (NODE_BITS + SEQUENCE_BITS)) | (NODE << SEQUENCE_BITS);
			}
			else {
				long sequence = last & MAX_SEQUENCE;
				if (sequence == MAX_SEQUENCE) {
					// 128 ids in this millisecond are taken; borrow the next millisecond
					candidate = ((lastMillis + 1) << (NODE_BITS + SEQUENCE_BITS)) | (NODE << SEQUENCE_BITS);
				}
				else {
					candidate = last + 1;
				}
			}
			if (LAST.compareAndSet(last, candidate)) {
				return candidate;
			}
		}
	}

	private static long nodeId() {
		String configured = System.getProperty("socialmall.node-id", System.getenv("SOCIALMALL_NODE_ID"));
		if (configured != null && !configured.isBlank()) {
			return Long.parseLong(configured.trim()) & ((1L << NODE_BITS) - 1);
		}
		return ThreadLocalRandom.current().nextLong(1L << NODE_BITS);
	}
}
