package io.socialmall.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** The PostgreSQL server the benchmark runs against (the machine's service; trust auth by default). */
record Database(String host, int port, String user, String password) {

	static Database fromEnvironment() {
		return new Database(env("PGHOST", "127.0.0.1"), Integer.parseInt(env("PGPORT", "5432")), env("PGUSER", "postgres"),
				env("PGPASSWORD", ""));
	}

	String url(String database) {
		return "jdbc:postgresql://" + host + ":" + port + "/" + database;
	}

	Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(url(database), user, password);
	}

	void recreate(String database) throws SQLException {
		try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
			s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
			s.execute("CREATE DATABASE " + database);
		}
	}

	void drop(String database) throws SQLException {
		try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
			s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
		}
	}

	/** The settings that decide what a commit costs, for the report. */
	Map<String, String> settings() throws SQLException {
		Map<String, String> settings = new LinkedHashMap<>();
		try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
			var version = s.executeQuery("SELECT version()");
			version.next();
			settings.put("version", version.getString(1));
			for (String name : new String[] { "synchronous_commit", "fsync", "wal_sync_method", "full_page_writes",
					"shared_buffers", "max_connections", "commit_delay", "wal_level" }) {
				var rs = s.executeQuery("SHOW " + name);
				rs.next();
				settings.put(name, rs.getString(1));
			}
		}
		return settings;
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}
}
