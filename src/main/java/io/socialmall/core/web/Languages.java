package io.socialmall.core.web;

import java.util.Locale;

/**
 * Maps whatever language a browser asks for onto the three we speak: English, Simplified and Traditional
 * Chinese.
 */
public final class Languages {

	private Languages() {
	}

	public static Locale supported(Locale requested) {
		if (!"zh".equals(requested.getLanguage())) {
			return Locale.ENGLISH;
		}
		String country = requested.getCountry();
		String script = requested.getScript();
		if ("Hant".equals(script) || "TW".equals(country) || "HK".equals(country) || "MO".equals(country)) {
			return Locale.TRADITIONAL_CHINESE;
		}
		return Locale.SIMPLIFIED_CHINESE;
	}

	public static Locale fromAcceptLanguage(String header) {
		if (header == null || header.isBlank()) {
			return Locale.ENGLISH;
		}
		try {
			var ranges = Locale.LanguageRange.parse(header);
			for (var range : ranges) {
				String tag = range.getRange();
				if (tag.equals("*")) {
					continue;
				}
				Locale locale = Locale.forLanguageTag(tag);
				if (locale.getLanguage().equals("en") || locale.getLanguage().equals("zh")) {
					return supported(locale);
				}
			}
		}
		catch (IllegalArgumentException e) {
			// a malformed header is not the visitor's problem: fall back to English
		}
		return Locale.ENGLISH;
	}
}
