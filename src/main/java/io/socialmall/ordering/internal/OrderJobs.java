package io.socialmall.ordering.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * The sweepers as db-scheduler recurring tasks: durable and run by one node at a time. The orders' state
 * and due times live in the orders table, so a missed run only delays, never loses, a step.
 */
@Configuration(proxyBeanMethods = false)
class OrderJobs {

	@Bean
	RecurringTask<Void> cancelUnpaidOrders(OrderSweeper sweeper) {
		return Tasks.recurring("ordering-cancel-unpaid", FixedDelay.ofSeconds(30))
			.execute((instance, context) -> sweeper.cancelUnpaid());
	}

	@Bean
	RecurringTask<Void> confirmDeliveredOrders(OrderSweeper sweeper) {
		return Tasks.recurring("ordering-confirm-delivered", FixedDelay.ofMinutes(10))
			.execute((instance, context) -> sweeper.confirmDelivered());
	}

	@Bean
	RecurringTask<Void> completeReceivedOrders(OrderSweeper sweeper) {
		return Tasks.recurring("ordering-complete-received", FixedDelay.ofMinutes(10))
			.execute((instance, context) -> sweeper.completeReceived());
	}
}
