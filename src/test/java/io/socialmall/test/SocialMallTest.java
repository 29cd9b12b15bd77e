package io.socialmall.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * A full-stack test of the running application on a random port, with MockMvc, a movable clock and a
 * database of its own. Tests sharing this annotation share one application context, so each test makes
 * its own users and products instead of assuming an empty database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ TestClockConfiguration.class, Fixtures.class, TestApi.class, RecordedEvents.class, ScriptedParticipant.class })
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
public @interface SocialMallTest {
}
