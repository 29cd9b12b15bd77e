package io.socialmall.catalog.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.socialmall.catalog.Catalog;
import io.socialmall.catalog.Categories;
import io.socialmall.catalog.Category;
import io.socialmall.catalog.ProductDetails;
import io.socialmall.catalog.ProductListing;
import io.socialmall.core.DomainException;
import io.socialmall.core.Page;
import io.socialmall.core.PageRequest;

/** What anyone may read: public products, the category tree and a supplier's products on sale. */
@RestController
@RequestMapping("/api/v1")
class CatalogApi {

	private final Catalog catalog;
	private final Categories categories;

	CatalogApi(Catalog catalog, Categories categories) {
		this.catalog = catalog;
		this.categories = categories;
	}

	@GetMapping("/products/{id}")
	ProductDetails product(@PathVariable long id) {
		return catalog.publicProduct(id).orElseThrow(() -> DomainException.notFound("product"));
	}

	@GetMapping("/categories")
	List<Category> tree() {
		return categories.tree();
	}

	/** A category with its subtree and its path from the top. */
	@GetMapping("/categories/{id}")
	CategoryWithPath category(@PathVariable long id) {
		var category = categories.category(id).orElseThrow(() -> DomainException.notFound("category"));
		return new CategoryWithPath(category, categories.path(id).stream().map(c -> new Crumb(c.id(), c.nameZh(), c.nameEn())).toList());
	}

	@GetMapping("/suppliers/{id}/products")
	Page<ProductListing> supplierProducts(@PathVariable long id, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return catalog.supplierListings(id, PageRequest.of(page, size, 20));
	}

	record CategoryWithPath(Category category, List<Crumb> path) {
	}

	record Crumb(long id, String nameZh, String nameEn) {
	}
}
