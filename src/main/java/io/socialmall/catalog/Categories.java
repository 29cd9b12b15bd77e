package io.socialmall.catalog;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The category tree, read from memory (it is small and changes rarely). A category's listing includes the
 * products of all its descendants.
 */
public interface Categories {

	/** The top-level categories, each with its subtree, in display order. */
	List<Category> tree();

	Optional<Category> category(long categoryId);

	/** The categories from the root down to {@code categoryId}; empty if there is no such category. */
	List<Category> path(long categoryId);

	/** {@code categoryId} and every category below it. */
	Set<Long> subtree(long categoryId);
}
