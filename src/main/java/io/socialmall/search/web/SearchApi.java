package io.socialmall.search.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.socialmall.core.Page;
import io.socialmall.core.PageRequest;
import io.socialmall.search.ProductHit;
import io.socialmall.search.ProductSearch;
import io.socialmall.search.SearchQuery;
import io.socialmall.search.SearchSort;

/**
 * Search and category listings. Both take the same filters; {@code /products} is the listing (no text
 * needed, newest first by default), {@code /search} the search box (by relevance when there is text).
 * Prices are in fen.
 */
@RestController
class SearchApi {

	private final ProductSearch search;

	SearchApi(ProductSearch search) {
		this.search = search;
	}

	@GetMapping("/api/v1/search")
	Page<ProductHit> search(@RequestParam(required = false) String q, @RequestParam(required = false) Long category,
			@RequestParam(required = false) Long minPrice, @RequestParam(required = false) Long maxPrice,
			@RequestParam(required = false) String sort, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return search.search(new SearchQuery(q, category, minPrice, maxPrice, SearchSort.parse(sort),
				PageRequest.of(page, size, 20)));
	}

	@GetMapping("/api/v1/products")
	Page<ProductHit> list(@RequestParam(required = false) Long category, @RequestParam(required = false) Long minPrice,
			@RequestParam(required = false) Long maxPrice, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return search(q, category, minPrice, maxPrice, sort, page, size);
	}

	/** Rebuilds this node's index from the database (after restoring a backup, for instance). */
	@PostMapping("/api/v1/operator/search/rebuild")
	@ResponseStatus(HttpStatus.OK)
	Rebuilt rebuild() {
		return new Rebuilt(search.rebuild());
	}

	record Rebuilt(int indexed) {
	}
}
