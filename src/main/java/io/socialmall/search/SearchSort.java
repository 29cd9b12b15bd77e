package io.socialmall.search;

import java.util.Locale;

import io.socialmall.core.DomainException;

/** How results are ordered. {@code RELEVANCE} needs search text; without text it means {@code NEWEST}. */
public enum SearchSort {

	RELEVANCE, NEWEST, PRICE_ASC, PRICE_DESC, SALES;

	/** The API's spelling: {@code relevance}, {@code newest}, {@code price-asc}, {@code price-desc}, {@code sales}. */
	public String param() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** Parses the API's spelling; null or blank gives null (the default for the query). */
	public static SearchSort parse(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		for (SearchSort sort : values()) {
			if (sort.param().equalsIgnoreCase(value.strip()) || sort.name().equalsIgnoreCase(value.strip())) {
				return sort;
			}
		}
		throw DomainException.invalid("sort", "one of relevance, newest, price-asc, price-desc, sales");
	}
}
