package io.socialmall.catalog;

import java.util.List;
import java.util.Locale;

/**
 * A node of the category tree with its Chinese and English names and its children (in display order).
 */
public record Category(long id, Long parentId, String nameZh, String nameEn, int position, List<Category> children) {

	public Category {
		children = List.copyOf(children);
	}

	/** The name in the visitor's language: Chinese for any Chinese locale, English otherwise. */
	public String name(Locale locale) {
		return locale != null && "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
	}
}
