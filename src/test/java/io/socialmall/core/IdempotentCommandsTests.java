package io.socialmall.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.socialmall.test.Race;
import io.socialmall.test.SocialMallTest;

@SocialMallTest
class IdempotentCommandsTests {

	@Autowired
	IdempotentCommands commands;

	record Body(String what) {
	}

	record Result(long id) {
	}

	@Test
	void runsOnceAndReplaysTheFirstResult() {
		var runs = new AtomicInteger();
		var first = commands.run("test", 1, "key-a", new Body("x"), Result.class, () -> new Result(runs.incrementAndGet()));
		var second = commands.run("test", 1, "key-a", new Body("x"), Result.class, () -> new Result(runs.incrementAndGet()));
		assertThat(first.replayed()).isFalse();
		assertThat(second.replayed()).isTrue();
		assertThat(second.value()).isEqualTo(first.value());
		assertThat(runs).hasValue(1);
	}

	@Test
	void keysBelongToTheirOwner() {
		var runs = new AtomicInteger();
		commands.run("test", 2, "shared-key", new Body("x"), Result.class, () -> new Result(runs.incrementAndGet()));
		var other = commands.run("test", 3, "shared-key", new Body("x"), Result.class, () -> new Result(runs.incrementAndGet()));
		assertThat(other.replayed()).isFalse();
		assertThat(runs).hasValue(2);
	}

	@Test
	void refusesTheSameKeyWithAnotherRequest() {
		commands.run("test", 4, "key-b", new Body("x"), Result.class, () -> new Result(1));
		assertThatThrownBy(() -> commands.run("test", 4, "key-b", new Body("y"), Result.class, () -> new Result(2)))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("idempotency-key-reused"));
	}

	@Test
	void aFailedAttemptLeavesTheKeyFreeForARetry() {
		assertThatThrownBy(() -> commands.run("test", 5, "key-c", new Body("x"), Result.class, () -> {
			throw DomainException.conflict("boom", "failed");
		})).isInstanceOf(DomainException.class);
		var retry = commands.run("test", 5, "key-c", new Body("x"), Result.class, () -> new Result(7));
		assertThat(retry.replayed()).isFalse();
		assertThat(retry.value().id()).isEqualTo(7);
	}

	@Test
	void tenConcurrentAttemptsRunTheCommandOnce() {
		var runs = new AtomicInteger();
		var outcomes = Race.run(10, 10, i -> commands.run("test", 6, "key-d", new Body("x"), Result.class, () -> {
			int n = runs.incrementAndGet();
			java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
			return new Result(n);
		}));
		assertThat(outcomes).allMatch(Race.Result::succeeded);
		assertThat(runs).hasValue(1);
		assertThat(outcomes).extracting(o -> o.value().value().id()).containsOnly(1L);
		assertThat(outcomes).filteredOn(o -> !o.value().replayed()).hasSize(1);
	}
}
