package io.socialmall.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The physical anchor: pgbench TPC-B against the same PostgreSQL, same durability settings, same client
 * count. pgbench spends one durable commit per transaction; every SocialMall figure is also reported as a
 * ratio to it.
 */
final class PgBench {

	private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

	private PgBench() {
	}

	record Result(int scale, int clients, int seconds, double tps, String command) {
	}

	static Result run(Database database, int scale, int clients, int seconds) throws Exception {
		String db = "socialmall_pgbench";
		database.recreate(db);
		exec(List.of("pgbench", "-i", "-q", "-s", String.valueOf(scale), "-h", database.host(), "-p",
				String.valueOf(database.port()), "-U", database.user(), db));
		List<String> command = List.of("pgbench", "-M", "prepared", "-c", String.valueOf(clients), "-j",
				String.valueOf(Math.min(clients, Runtime.getRuntime().availableProcessors())), "-T",
				String.valueOf(seconds), "-h", database.host(), "-p", String.valueOf(database.port()), "-U",
				database.user(), db);
		String out = exec(command);
		Matcher m = TPS.matcher(out);
		if (!m.find()) {
			throw new IllegalStateException("pgbench printed no tps:\n" + out);
		}
		database.drop(db);
		return new Result(scale, clients, seconds, Double.parseDouble(m.group(1)), String.join(" ", command));
	}

	static String exec(List<String> command) throws IOException, InterruptedException {
		var process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.waitFor() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
		}
		return out;
	}
}
