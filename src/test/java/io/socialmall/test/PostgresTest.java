package io.socialmall.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A {@link SocialMallTest} that must run on PostgreSQL (concurrency claims are proved there). Skipped,
 * with a message saying why, when no PostgreSQL answers at {@code SOCIALMALL_TEST_PG_URL}; CI always has one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SocialMallTest
@TestPropertySource(properties = "socialmall.test.database=postgres")
@ExtendWith(PostgresTest.Reachable.class)
public @interface PostgresTest {

	class Reachable implements ExecutionCondition {

		private static Boolean reachable;

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			if (reachable == null) {
				reachable = TestDatabaseInitializer.postgresReachable();
			}
			return reachable ? ConditionEvaluationResult.enabled("PostgreSQL is reachable")
					: ConditionEvaluationResult.disabled("skipped: no PostgreSQL at " + TestDatabaseInitializer.PG_URL
							+ " (set SOCIALMALL_TEST_PG_URL); .ci/run always provides one");
		}
	}
}
