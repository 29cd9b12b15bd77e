package io.socialmall.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** Collects figures and correctness checks, prints them as they come, and writes Markdown and JSON. */
final class Report {

	/** One measured figure, with its target when the issue sets one. */
	record Figure(String scenario, String metric, double value, String unit, String target, Boolean met, String note) {
	}

	/** A correctness check a scenario made after its run. */
	record Check(String scenario, String what, boolean passed, String detail) {
	}

	final List<Figure> figures = new ArrayList<>();
	final List<Check> checks = new ArrayList<>();
	final Map<String, String> machine = new LinkedHashMap<>();
	final Map<String, String> database = new LinkedHashMap<>();
	final Map<String, String> settings = new LinkedHashMap<>();
	final List<String> commands = new ArrayList<>();
	final List<String> notes = new ArrayList<>();

	void figure(String scenario, String metric, double value, String unit, String target, Boolean met, String note) {
		var figure = new Figure(scenario, metric, value, unit, target, met, note);
		figures.add(figure);
		System.out.printf("  %-10s %-48s %12s %-6s %s%s%n", scenario, metric, format(value), unit,
				target == null ? "" : "target " + target + (met == null ? "" : met ? " MET" : " MISSED"),
				note == null ? "" : "  (" + note + ")");
	}

	void check(String scenario, String what, boolean passed, String detail) {
		checks.add(new Check(scenario, what, passed, detail));
		System.out.printf("  %-10s check %-60s %s %s%n", scenario, what, passed ? "PASS" : "FAIL", detail);
	}

	boolean allChecksPassed() {
		return checks.stream().allMatch(Check::passed);
	}

	void write(Path markdown, Path json) throws IOException {
		Files.createDirectories(markdown.toAbsolutePath().getParent());
		var md = new StringBuilder();
		md.append("# SocialMall benchmarks\n\n");
		md.append("Written by `bench/run` on ").append(Instant.now()).append(". Every figure is measured by the ")
			.append("benchmark programs in `bench/`; none is typed in by hand.\n\n");
		md.append("## Results\n\n| scenario | metric | value | unit | target | met | note |\n|---|---|---:|---|---|---|---|\n");
		for (Figure f : figures) {
			md.append("| ").append(f.scenario()).append(" | ").append(f.metric()).append(" | ").append(format(f.value()))
				.append(" | ").append(f.unit()).append(" | ").append(f.target() == null ? "" : f.target()).append(" | ")
				.append(f.met() == null ? "" : f.met() ? "yes" : "**no**").append(" | ")
				.append(f.note() == null ? "" : f.note()).append(" |\n");
		}
		md.append("\n## Correctness checks\n\n| scenario | check | result | detail |\n|---|---|---|---|\n");
		for (Check c : checks) {
			md.append("| ").append(c.scenario()).append(" | ").append(c.what()).append(" | ")
				.append(c.passed() ? "pass" : "**FAIL**").append(" | ").append(c.detail()).append(" |\n");
		}
		section(md, "Machine", machine);
		section(md, "PostgreSQL", database);
		section(md, "Settings", settings);
		md.append("\n## Commands\n\n");
		commands.forEach(c -> md.append("    ").append(c).append('\n'));
		if (!notes.isEmpty()) {
			md.append("\n## Notes\n\n");
			notes.forEach(n -> md.append("- ").append(n).append('\n'));
		}
		Files.writeString(markdown, md);
		var data = new LinkedHashMap<String, Object>();
		data.put("writtenAt", Instant.now().toString());
		data.put("machine", machine);
		data.put("database", database);
		data.put("settings", settings);
		data.put("figures", figures);
		data.put("checks", checks);
		data.put("commands", commands);
		data.put("notes", notes);
		Files.writeString(json, JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(data));
	}

	private static void section(StringBuilder md, String title, Map<String, String> values) {
		md.append("\n## ").append(title).append("\n\n");
		values.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
	}

	static String format(double value) {
		if (value == Math.rint(value) && Math.abs(value) < 1e12) {
			return String.format("%,d", (long) value);
		}
		return Math.abs(value) >= 100 ? String.format("%,.0f", value) : String.format("%.2f", value);
	}
}
