package io.socialmall.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every test application context a database of its own: an in-memory H2 by default, or a fresh
 * PostgreSQL schema when {@code SOCIALMALL_TEST_DB=postgres} is set (CI does) or the test asks for
 * PostgreSQL with {@link PostgresTest}. Schemas are dropped when the JVM exits.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static final String PG_URL = env("SOCIALMALL_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
	public static final String PG_USER = env("SOCIALMALL_TEST_PG_USER", "postgres");
	public static final String PG_PASSWORD = env("SOCIALMALL_TEST_PG_PASSWORD", "");

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		var environment = context.getEnvironment();
		boolean postgres = "postgres".equalsIgnoreCase(env("SOCIALMALL_TEST_DB", ""))
				|| "postgres".equals(environment.getProperty("socialmall.test.database"));
		String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		String url;
		if (postgres) {
			String schema = "t_" + id;
			createSchema(schema);
			url = PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
		}
		else {
			url = "jdbc:h2:mem:sm" + id
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1";
		}
		Path dataDir;
		try {
			dataDir = Files.createTempDirectory("socialmall-test-");
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
		environment.getPropertySources()
			.addFirst(new MapPropertySource("socialmall-test-database", Map.of("spring.datasource.url", url,
					"spring.datasource.username", postgres ? PG_USER : "sa", "spring.datasource.password",
					postgres ? PG_PASSWORD : "", "socialmall.data-dir", dataDir.toString())));
	}

	public static boolean postgresReachable() {
		try (Connection ignored = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD)) {
			return true;
		}
		catch (SQLException e) {
			return false;
		}
	}

	private static void createSchema(String schema) {
		try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD)) {
			c.createStatement().execute("CREATE SCHEMA " + schema);
		}
		catch (SQLException e) {
			throw new IllegalStateException("cannot create test schema on " + PG_URL + ": " + e.getMessage(), e);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD)) {
				c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
			}
			catch (SQLException e) {
				// the CI run drops its whole database afterwards; nothing to do here
			}
		}));
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}
}
