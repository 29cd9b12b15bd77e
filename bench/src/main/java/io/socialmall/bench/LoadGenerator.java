package io.socialmall.bench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Our own load generator: Java's HttpClient on virtual threads talking to the app over 127.0.0.1.
 *
 * <p>The open model sends requests at a fixed arrival rate whatever the server does, and measures each
 * latency from the request's <em>intended</em> send time, so a stalled server shows up as latency instead
 * of silently lowering the rate (no coordinated omission). The closed model runs N clients that each
 * send the next request when the previous answered, for throughput at a fixed concurrency.
 */
final class LoadGenerator {

	static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.executor(Executors.newVirtualThreadPerTaskExecutor())
		.build();

	/** One request of a scenario; returns true when the answer was correct for the scenario. */
	@FunctionalInterface
	interface Request {
		boolean send(long sequence) throws Exception;
	}

	/** What a run measured. Latencies in microseconds. */
	record Result(String name, double targetRate, long sent, long ok, long failed, double seconds, Histogram latency) {

		double throughput() {
			return ok / seconds;
		}

		double percentileMs(double percentile) {
			return latency.getValueAtPercentile(percentile) / 1000.0;
		}

		double maxMs() {
			return latency.getMaxValue() / 1000.0;
		}

		String summary() {
			return String.format("%s: %s%d ok, %d failed in %.1f s = %.0f/s; p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms",
					name, targetRate > 0 ? String.format("target %.0f/s, ", targetRate) : "", ok, failed, seconds,
					throughput(), percentileMs(50), percentileMs(90), percentileMs(99), maxMs());
		}
	}

	private LoadGenerator() {
	}

	/** Sends at {@code rate} requests per second for {@code duration}, each on its own virtual thread. */
	static Result open(String name, double rate, Duration duration, Request request) throws InterruptedException {
		var recorder = new Recorder(3);
		var ok = new AtomicLong();
		var failed = new AtomicLong();
		long intervalNanos = (long) (1_000_000_000L / rate);
		long total = (long) (rate * duration.toNanos() / 1_000_000_000L);
		long start = System.nanoTime();
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (long i = 0; i < total; i++) {
				long intended = start + i * intervalNanos;
				long wait = intended - System.nanoTime();
				if (wait > 0) {
					LockSupport.parkNanos(wait);
				}
				long sequence = i;
				threads.execute(() -> {
					boolean good;
					try {
						good = request.send(sequence);
					}
					catch (Exception e) {
						good = false;
					}
					recorder.recordValue(Math.max(1, (System.nanoTime() - intended) / 1000));
					(good ? ok : failed).incrementAndGet();
				});
			}
			threads.shutdown();
			threads.awaitTermination(2, TimeUnit.MINUTES);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		return new Result(name, rate, total, ok.get(), failed.get(), seconds, recorder.getIntervalHistogram());
	}

	/** {@code clients} concurrent clients, each sending back to back, until {@code requests} were sent. */
	static Result closed(String name, int clients, long requests, Request request) throws InterruptedException {
		var recorder = new Recorder(3);
		var ok = new AtomicLong();
		var failed = new AtomicLong();
		var next = new AtomicLong();
		long start = System.nanoTime();
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int c = 0; c < clients; c++) {
				threads.execute(() -> {
					long sequence;
					while ((sequence = next.getAndIncrement()) < requests) {
						long sent = System.nanoTime();
						boolean good;
						try {
							good = request.send(sequence);
						}
						catch (Exception e) {
							good = false;
						}
						recorder.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
						(good ? ok : failed).incrementAndGet();
					}
				});
			}
			threads.shutdown();
			threads.awaitTermination(30, TimeUnit.MINUTES);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		return new Result(name, 0, requests, ok.get(), failed.get(), seconds, recorder.getIntervalHistogram());
	}
}
