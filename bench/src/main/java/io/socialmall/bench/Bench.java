package io.socialmall.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the benchmark suite and writes docs/benchmarks.md and docs/benchmarks.json (or, in smoke mode,
 * bench/results/). Exits non-zero when a correctness check fails.
 *
 * <pre>
 * java -jar socialmall-bench.jar --app-jar target/socialmall.jar --app-java /path/to/java [--smoke]
 *      [--scenarios startup,browse,search,checkout,hot-item]
 * </pre>
 */
public final class Bench {

	static final List<String> ALL = List.of("startup", "browse", "search", "checkout", "hot-item");

	public static void main(String[] args) throws Exception {
		var options = Options.parse(args);
		var report = new Report();
		var database = Database.fromEnvironment();
		report.machine.putAll(Machine.describe(options.appJavaVersion()));
		report.database.putAll(database.settings());
		report.settings.put("mode", options.smoke ? "smoke (tiny data, seconds per scenario; figures are not results)" : "full");
		report.settings.putAll(options.scale.describe());
		report.commands.add("bench/run" + (options.smoke ? " --smoke" : ""));

		System.out.println("SocialMall benchmarks (" + (options.smoke ? "smoke" : "full") + ")");
		report.machine.forEach((k, v) -> System.out.println("  " + k + ": " + v));
		report.database.forEach((k, v) -> System.out.println("  postgres " + k + ": " + v));

		var context = new Context(options, database, report);
		if (options.scenarios.contains("startup")) {
			new StartupScenario(context).run();
		}
		Scenarios.runDatabaseScenarios(context);

		Path dir = options.smoke ? Path.of("bench/results") : Path.of("docs");
		report.write(dir.resolve("benchmarks.md"), dir.resolve("benchmarks.json"));
		System.out.println("wrote " + dir.resolve("benchmarks.md") + " and " + dir.resolve("benchmarks.json"));
		if (!report.allChecksPassed()) {
			System.err.println("A CORRECTNESS CHECK FAILED");
			System.exit(1);
		}
	}

	/** What every scenario needs. */
	record Context(Options options, Database database, Report report) {
	}

	/** Command-line options and the data scale they imply. */
	record Options(boolean smoke, Path appJar, String appJava, Set<String> scenarios, Scale scale) {

		static Options parse(String[] args) {
			boolean smoke = false;
			Path jar = null;
			String java = "java";
			Set<String> scenarios = new LinkedHashSet<>(ALL);
			for (int i = 0; i < args.length; i++) {
				switch (args[i]) {
					case "--smoke" -> smoke = true;
					case "--app-jar" -> jar = Path.of(args[++i]);
					case "--app-java" -> java = args[++i];
					case "--scenarios" -> scenarios = new LinkedHashSet<>(Arrays.asList(args[++i].split(",")));
					default -> throw new IllegalArgumentException("unknown option " + args[i]);
				}
			}
			if (jar == null || !Files.exists(jar)) {
				throw new IllegalArgumentException("--app-jar must name the built application jar");
			}
			return new Options(smoke, jar, java, scenarios, smoke ? Scale.SMOKE : Scale.FULL);
		}

		String appJavaVersion() {
			try {
				return PgBench.exec(List.of(appJava, "-version")).lines().findFirst().orElse(appJava);
			}
			catch (Exception e) {
				return appJava;
			}
		}

		List<String> appJvmOptions() {
			return new ArrayList<>(List.of("-XX:+UseParallelGC", "-Xms512m", "-Xmx2g"));
		}
	}

	/** Data sizes and run lengths: the scale, or a tiny one that only proves the code works. */
	record Scale(String name, int products, int skusPerProduct, int users, int orders, int pgbenchScale,
			int pgbenchSeconds, int scenarioSeconds, int checkoutClients, int checkoutOrders, int hotBuyers,
			int hotUnits) {

		static final Scale FULL = new Scale("full", 100_000, 4, 1_000_000, 1_000_000, 50, 30, 20, 32, 6_000, 2_000, 100);
		static final Scale SMOKE = new Scale("smoke", 200, 4, 1_000, 1_000, 1, 3, 2, 8, 100, 200, 20);

		Map<String, String> describe() {
			var m = new java.util.LinkedHashMap<String, String>();
			m.put("catalog", products + " products, " + (products * skusPerProduct) + " SKUs");
			m.put("users", String.valueOf(users));
			m.put("existing orders", String.valueOf(orders));
			m.put("pgbench", "TPC-B scale " + pgbenchScale + ", -M prepared, " + pgbenchSeconds + " s, clients = checkout clients");
			m.put("checkout", checkoutClients + " concurrent buyers, " + checkoutOrders + " orders per run");
			m.put("hot item", hotBuyers + " concurrent buyers for " + hotUnits + " units");
			return m;
		}
	}
}
