package io.socialmall.search;

import io.socialmall.core.Page;

/**
 * Finds products on sale of verified suppliers. Answers from the local index, which follows catalog changes
 * shortly after they commit.
 */
public interface ProductSearch {

	Page<ProductHit> search(SearchQuery query);

	/**
	 * Drops the index and builds it again from the database, while searches keep seeing the old index until
	 * the new one is complete.
	 * @return how many products were indexed
	 */
	int rebuild();
}
