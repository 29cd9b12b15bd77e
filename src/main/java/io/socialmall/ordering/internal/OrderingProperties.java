package io.socialmall.ordering.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ordering settings ({@code socialmall.ordering.*}).
 * @param platformFeeBps the platform's fee on goods in basis points (500 = 5%), frozen on each order
 * @param paymentTimeout unpaid orders are cancelled after this
 * @param autoReceiveAfter shipped orders count as received after this
 * @param returnWindow received orders complete after this (the no-reason return period)
 * @param defaultShippingFee shipping fee (fen) of suppliers without a rule
 * @param defaultFreeShippingOver goods total (fen) from which shipping is free for suppliers without a rule;
 *        0 means never free
 * @param paymentProvider the provider the pay step sends buyers to
 * @param sweepBatch how many due orders one sweep moves at most
 */
@ConfigurationProperties("socialmall.ordering")
record OrderingProperties(
		@DefaultValue("500") int platformFeeBps,
		@DefaultValue("30m") Duration paymentTimeout,
		@DefaultValue("10d") Duration autoReceiveAfter,
		@DefaultValue("7d") Duration returnWindow,
		@DefaultValue("1000") long defaultShippingFee,
		@DefaultValue("9900") long defaultFreeShippingOver,
		@DefaultValue("sandbox") String paymentProvider,
		@DefaultValue("200") int sweepBatch) {

	OrderingProperties {
		if (platformFeeBps < 0 || platformFeeBps > 10_000) {
			throw new IllegalArgumentException("socialmall.ordering.platform-fee-bps must be between 0 and 10000");
		}
	}
}
