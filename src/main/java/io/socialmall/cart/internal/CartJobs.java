package io.socialmall.cart.internal;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/** Forgets guest carts nobody touched for a while (default 30 days). */
@Configuration(proxyBeanMethods = false)
class CartJobs {

	@Bean
	RecurringTask<Void> purgeGuestCarts(CartService carts, TransactionTemplate tx, Clock clock,
			@Value("${socialmall.cart.guest-cart-lifetime:30d}") Duration lifetime) {
		return Tasks.recurring("cart-purge-guest-carts", FixedDelay.ofHours(6))
			.execute((instance, context) -> tx.executeWithoutResult(s -> carts.purgeGuestCarts(clock.instant().minus(lifetime))));
	}
}
