package io.socialmall.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The SocialMall application, started from its jar as a separate process, as it runs in production. */
final class AppProcess implements AutoCloseable {

	private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.E+]+)",
			Pattern.MULTILINE);

	final int port;
	final Process process;
	final double startSeconds;
	final Path workDir;

	private AppProcess(int port, Process process, double startSeconds, Path workDir) {
		this.port = port;
		this.process = process;
		this.startSeconds = startSeconds;
		this.workDir = workDir;
	}

	/**
	 * Starts the jar and waits until its readiness probe answers.
	 * @param env extra environment, e.g. the data source and profile
	 */
	static AppProcess start(String java, Path jar, Path workDir, List<String> jvmOptions, Map<String, String> env)
			throws IOException, InterruptedException {
		int port = freePort();
		List<String> command = new ArrayList<>();
		command.add(java);
		command.addAll(jvmOptions);
		command.add("-jar");
		command.add(jar.toAbsolutePath().toString());
		command.add("--server.port=" + port);
		var builder = new ProcessBuilder(command).directory(workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(workDir.resolve("app.log").toFile());
		builder.environment().putAll(env);
		long launched = System.nanoTime();
		Process process = builder.start();
		var ready = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
		while (true) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the app exited during start-up; see " + workDir.resolve("app.log"));
			}
			try {
				var response = LoadGenerator.HTTP.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					break;
				}
			}
			catch (IOException e) {
				// not listening yet
			}
			if (System.nanoTime() - launched > Duration.ofMinutes(3).toNanos()) {
				process.destroyForcibly();
				throw new IllegalStateException("the app did not get ready in 3 minutes");
			}
			Thread.sleep(25);
		}
		return new AppProcess(port, process, (System.nanoTime() - launched) / 1e9, workDir);
	}

	String base() {
		return "http://127.0.0.1:" + port;
	}

	/** Heap in use after a full GC, in MiB (jcmd GC.run, then the app's own Prometheus metric). */
	double heapAfterGcMiB(String java) throws IOException, InterruptedException {
		Path jcmd = Path.of(java).resolveSibling("jcmd");
		PgBench.exec(List.of(jcmd.toString(), String.valueOf(process.pid()), "GC.run"));
		var response = LoadGenerator.HTTP.send(
				HttpRequest.newBuilder(URI.create(base() + "/actuator/prometheus")).build(),
				HttpResponse.BodyHandlers.ofString());
		double bytes = 0;
		Matcher m = HEAP.matcher(response.body());
		while (m.find()) {
			bytes += Double.parseDouble(m.group(1));
		}
		return bytes / 1024 / 1024;
	}

	@Override
	public void close() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
