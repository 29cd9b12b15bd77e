package io.socialmall.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Scenario 5: time from launch to ready on the embedded default (H2 under ./data), the first start (which
 * creates the schema and seeds demo data) and a restart, and the heap in use after start.
 */
final class StartupScenario {

	private final Bench.Context context;

	StartupScenario(Bench.Context context) {
		this.context = context;
	}

	void run() throws Exception {
		var options = context.options();
		Path dir = Files.createTempDirectory("socialmall-startup-");
		double first;
		try (var app = AppProcess.start(options.appJava(), options.appJar(), dir, options.appJvmOptions(), Map.of())) {
			first = app.startSeconds;
		}
		try (var app = AppProcess.start(options.appJava(), options.appJar(), dir, options.appJvmOptions(), Map.of())) {
			double heap = app.heapAfterGcMiB(options.appJava());
			var report = context.report();
			report.figure("startup", "first start (schema + demo data), launch to ready", first, "s", null, null,
					"embedded H2");
			report.figure("startup", "restart, launch to ready", app.startSeconds, "s", "< 8 s", app.startSeconds < 8,
					"embedded H2");
			report.figure("startup", "heap in use after start (after full GC)", heap, "MiB", null, null, null);
			report.check("startup", "home page answers after start", LoadGenerator.HTTP
				.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.base() + "/")).build(),
						java.net.http.HttpResponse.BodyHandlers.discarding())
				.statusCode() == 200, "GET / → 200");
		}
	}
}
