package io.socialmall.payment.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/** The refund sweep: the backstop for refunds whose after-commit attempt failed or was lost with a node. */
@Configuration(proxyBeanMethods = false)
class PaymentTasks {

	@Bean
	RecurringTask<Void> paymentRefundsTask(RefundWorker worker) {
		return Tasks.recurring("payment-refunds", FixedDelay.ofSeconds(15))
			.execute((instance, context) -> worker.processDue());
	}
}
