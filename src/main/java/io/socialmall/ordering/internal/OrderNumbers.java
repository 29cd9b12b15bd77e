package io.socialmall.ordering.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Human-readable order numbers: the date in the shop's time zone and twelve digits of the order id, e.g.
 * {@code 261126 000123456789} (18 digits without the space). Ids are unique and grow by less than 10^12 a
 * day, so two orders of one day never share their last twelve digits; a unique index guards the rest.
 */
@Component
class OrderNumbers {

	private static final long TWELVE_DIGITS = 1_000_000_000_000L;

	private final DateTimeFormatter day;

	OrderNumbers(@Value("${socialmall.time-zone:Asia/Shanghai}") String zone) {
		this.day = DateTimeFormatter.ofPattern("yyMMdd").withZone(ZoneId.of(zone));
	}

	String number(long orderId, Instant at) {
		return day.format(at) + String.format("%012d", orderId % TWELVE_DIGITS);
	}
}
