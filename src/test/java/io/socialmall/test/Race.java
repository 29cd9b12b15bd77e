package io.socialmall.test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Starts many attempts at the same instant from a pool of threads and collects what each returned or
 * threw, so a concurrency test can count winners and check every loser's error.
 */
public final class Race {

	private Race() {
	}

	/** What one attempt returned, or the exception it threw. */
	public record Result<T>(T value, Throwable error) {

		public boolean succeeded() {
			return error == null;
		}
	}

	@FunctionalInterface
	public interface Attempt<T> {
		T run(int index) throws Exception;
	}

	public static <T> List<Result<T>> run(int attempts, int threads, Attempt<T> attempt) {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			var start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < attempts; i++) {
				int index = i;
				futures.add(pool.submit(() -> {
					start.await();
					return attempt.run(index);
				}));
			}
			start.countDown();
			List<Result<T>> results = new ArrayList<>();
			for (Future<T> future : futures) {
				try {
					results.add(new Result<>(future.get(2, TimeUnit.MINUTES), null));
				}
				catch (ExecutionException e) {
					results.add(new Result<>(null, e.getCause()));
				}
			}
			return results;
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
		finally {
			pool.shutdownNow();
		}
	}
}
