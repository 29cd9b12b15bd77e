package io.socialmall.payment.sandbox;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/** The sandbox gateway's delivery sweep: notifications whose first delivery failed go out again when due. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "socialmall.payment.sandbox.enabled", havingValue = "true", matchIfMissing = true)
class SandboxTasks {

	@Bean
	RecurringTask<Void> sandboxNotificationsTask(SandboxNotifier notifier) {
		return Tasks.recurring("sandbox-notifications", FixedDelay.ofSeconds(10))
			.execute((instance, context) -> notifier.deliverDue());
	}
}
