package io.socialmall.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the benchmark ran on, printed with every figure. */
final class Machine {

	private Machine() {
	}

	static Map<String, String> describe(String appJava) {
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put("cpu", cpuModel());
		facts.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
		facts.put("memory", memory());
		facts.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
				+ System.getProperty("os.arch"));
		facts.put("bench JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
		facts.put("app JVM", appJava);
		facts.put("load generator", "Java HttpClient (HTTP/1.1) on virtual threads, same machine, 127.0.0.1");
		facts.put("note", "app, PostgreSQL and load generator share the same cores");
		return facts;
	}

	private static String cpuModel() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter(l -> l.startsWith("model name"))
				.map(l -> l.substring(l.indexOf(':') + 1).strip())
				.findFirst()
				.orElse("unknown");
		}
		catch (IOException e) {
			return "unknown";
		}
	}

	private static String memory() {
		var os = ManagementFactory.getOperatingSystemMXBean();
		if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
			return String.format("%.1f GiB", sun.getTotalMemorySize() / 1024.0 / 1024 / 1024);
		}
		return "unknown";
	}
}
