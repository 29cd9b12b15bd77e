package io.socialmall.core;

import java.util.function.Supplier;

/**
 * Runs a command at most once per idempotency key. The key record, the command's writes and its stored
 * result commit in one transaction, so a retry either replays the first result or (if the first attempt
 * failed and rolled back) runs the command afresh. The same key with a different request is refused.
 */
public interface IdempotentCommands {

	/**
	 * Runs {@code command} in a transaction unless {@code key} was already used by {@code ownerId} in
	 * {@code scope}; then returns the stored result instead.
	 * @param scope what kind of command, e.g. {@code checkout}
	 * @param ownerId who sent it (keys are private to their owner)
	 * @param key the client's {@code Idempotency-Key}
	 * @param request the request body, fingerprinted to detect a reused key with another body
	 * @param resultType the result's type, for replay
	 * @throws DomainException {@code idempotency-key-reused} (422) if the key came with another request
	 */
	<T> Outcome<T> run(String scope, long ownerId, String key, Object request, Class<T> resultType, Supplier<T> command);

	/** The command's result and whether it was replayed from an earlier request. */
	record Outcome<T>(T value, boolean replayed) {
	}
}
