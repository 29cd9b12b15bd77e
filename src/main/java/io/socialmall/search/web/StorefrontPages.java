package io.socialmall.search.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import io.socialmall.catalog.Categories;
import io.socialmall.core.DomainException;
import io.socialmall.core.MoneyParsing;
import io.socialmall.core.Page;
import io.socialmall.core.PageRequest;
import io.socialmall.search.ProductHit;
import io.socialmall.search.ProductSearch;
import io.socialmall.search.SearchQuery;
import io.socialmall.search.SearchSort;

/** The shop front: home page, search results and category listings, all answered from the index. */
@Controller
class StorefrontPages {

	static final int PAGE_SIZE = 20;

	private final ProductSearch search;
	private final Categories categories;

	StorefrontPages(ProductSearch search, Categories categories) {
		this.search = search;
		this.categories = categories;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("categories", categories.tree());
		model.addAttribute("newest", search.search(new SearchQuery(null, null, null, null, SearchSort.NEWEST,
				new PageRequest(0, 10))).items());
		model.addAttribute("bestselling", search.search(new SearchQuery(null, null, null, null, SearchSort.SALES,
				new PageRequest(0, 10))).items().stream().filter(hit -> hit.sales() > 0).toList());
		return "search/home";
	}

	@GetMapping("/search")
	String search(@RequestParam(required = false) String q, @RequestParam(required = false) Long category,
			@RequestParam(required = false) String min, @RequestParam(required = false) String max,
			@RequestParam(required = false) String sort, @RequestParam(required = false) Integer page,
			HttpServletRequest request, Model model) {
		model.addAttribute("categories", categories.tree());
		model.addAttribute("category", category);
		return results(q, category, min, max, sort, page, request, model, "search/search");
	}

	@GetMapping("/categories/{id}")
	String category(@PathVariable long id, @RequestParam(required = false) String min,
			@RequestParam(required = false) String max, @RequestParam(required = false) String sort,
			@RequestParam(required = false) Integer page, HttpServletRequest request, Model model) {
		var category = categories.category(id).orElseThrow(() -> DomainException.notFound("category"));
		model.addAttribute("current", category);
		model.addAttribute("path", categories.path(id));
		return results(null, id, min, max, sort, page, request, model, "search/category");
	}

	private String results(String q, Long category, String min, String max, String sort, Integer page,
			HttpServletRequest request, Model model, String view) {
		model.addAttribute("q", q);
		model.addAttribute("min", min);
		model.addAttribute("max", max);
		Page<ProductHit> results;
		SearchQuery query;
		try {
			query = new SearchQuery(q, category, fen(min, "min"), fen(max, "max"), SearchSort.parse(sort),
					PageRequest.of(page, PAGE_SIZE, PAGE_SIZE));
			results = search.search(query);
		}
		catch (DomainException e) {
			model.addAttribute("error", e.getMessage());
			query = new SearchQuery(q, category, null, null, null, null);
			results = Page.of(List.of(), new PageRequest(0, PAGE_SIZE), 0);
		}
		model.addAttribute("results", results);
		model.addAttribute("sort", query.sort());
		Map<String, String> sorts = new LinkedHashMap<>();
		for (SearchSort option : SearchSort.values()) {
			if (option != SearchSort.RELEVANCE || query.text() != null) {
				sorts.put(option.param(), link(request, Map.of("sort", option.param(), "page", "")));
			}
		}
		model.addAttribute("sorts", sorts);
		model.addAttribute("previous", results.hasPrevious() ? link(request, Map.of("page", String.valueOf(results.page() - 1))) : null);
		model.addAttribute("next", results.hasNext() ? link(request, Map.of("page", String.valueOf(results.page() + 1))) : null);
		return view;
	}

	/** A price typed in yuan, such as {@code 59} or {@code 59.90}, in fen; blank means no limit. */
	private static Long fen(String yuan, String field) {
		return yuan == null || yuan.isBlank() ? null : MoneyParsing.toFen(yuan, field);
	}

	/** This page's address with some parameters replaced (an empty value removes the parameter). */
	static String link(HttpServletRequest request, Map<String, String> replace) {
		var builder = UriComponentsBuilder.fromPath(request.getRequestURI());
		request.getParameterMap().forEach((name, values) -> {
			if (!replace.containsKey(name) && !name.equals("lang")) {
				builder.queryParam(name, (Object[]) values);
			}
		});
		replace.forEach((name, value) -> {
			if (!value.isEmpty()) {
				builder.queryParam(name, value);
			}
		});
		return builder.encode().build().toUriString();
	}
}
