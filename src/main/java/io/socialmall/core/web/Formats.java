package io.socialmall.core.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import io.socialmall.core.Money;

/**
 * Formatting for pages, available in templates as {@code @fmt}: money as {@code ¥12.30}, times in the
 * shop's time zone and the visitor's language.
 */
@Component("fmt")
public class Formats {

	private final ZoneId zone;

	Formats(@Value("${socialmall.time-zone:Asia/Shanghai}") String zone) {
		this.zone = ZoneId.of(zone);
	}

	public String money(Money money) {
		return money == null ? "" : symbol(money.currency()) + money.toDecimalString();
	}

	public String fen(long amount) {
		return money(Money.cny(amount));
	}

	/** The amount as a decimal string for an input field, e.g. {@code 12.30}. */
	public String decimal(long amount) {
		return Money.cny(amount).toDecimalString();
	}

	public String dateTime(Instant instant) {
		if (instant == null) {
			return "";
		}
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(LocaleContextHolder.getLocale())
			.withZone(zone)
			.format(instant);
	}

	public String date(Instant instant) {
		if (instant == null) {
			return "";
		}
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
			.withLocale(LocaleContextHolder.getLocale())
			.withZone(zone)
			.format(instant);
	}

	private static String symbol(String currency) {
		return "CNY".equals(currency) ? "¥" : currency + " ";
	}
}
