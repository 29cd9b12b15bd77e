package io.socialmall.catalog.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.socialmall.catalog.Catalog;
import io.socialmall.catalog.Categories;
import io.socialmall.catalog.ProductDetails;
import io.socialmall.catalog.ProductDetails.Sku;
import io.socialmall.core.DomainException;
import io.socialmall.core.PageRequest;
import io.socialmall.identity.Accounts;
import io.socialmall.identity.SupplierView;

/**
 * The product page and a supplier's public page. The SKU picker is made of links (one per spec value, each
 * leading to the SKU that differs in that value only), so it works without JavaScript; with htmx only the
 * buying panel is swapped.
 */
@Controller
class ProductPages {

	private final Catalog catalog;
	private final Categories categories;
	private final Accounts accounts;

	ProductPages(Catalog catalog, Categories categories, Accounts accounts) {
		this.catalog = catalog;
		this.categories = categories;
		this.accounts = accounts;
	}

	@GetMapping("/products/{id}")
	String product(@PathVariable long id, @RequestParam(required = false) Long sku, Model model) {
		ProductDetails product = buyPanel(id, sku, model);
		model.addAttribute("path", product.categoryId() == null ? List.of() : categories.path(product.categoryId()));
		model.addAttribute("supplier", accounts.supplier(product.supplierId()).orElse(null));
		return "catalog/product";
	}

	/** Just the buying panel, for htmx to swap in when another spec value is picked. */
	@GetMapping("/products/{id}/buy")
	String buy(@PathVariable long id, @RequestParam(required = false) Long sku, Model model) {
		buyPanel(id, sku, model);
		return "catalog/product :: buy";
	}

	private ProductDetails buyPanel(long id, Long skuId, Model model) {
		ProductDetails product = catalog.publicProduct(id).orElseThrow(() -> DomainException.notFound("product"));
		Sku selected = skuId == null ? null : product.sku(skuId);
		if (selected == null) {
			selected = product.skus().stream().filter(s -> s.available() > 0).findFirst().orElse(product.skus().get(0));
		}
		model.addAttribute("product", product);
		model.addAttribute("selected", selected);
		model.addAttribute("pickers", pickers(product, selected));
		return product;
	}

	static List<Picker> pickers(ProductDetails product, Sku selected) {
		List<Picker> pickers = new ArrayList<>();
		for (int s = 0; s < product.specs().size(); s++) {
			List<Option> options = new ArrayList<>();
			for (String value : product.specs().get(s).values()) {
				List<String> wanted = new ArrayList<>(selected.specValues());
				wanted.set(s, value);
				product.skus()
					.stream()
					.filter(sku -> sku.specValues().equals(wanted))
					.findFirst()
					.ifPresent(sku -> options.add(new Option(value, sku.id(), sku.id() == selected.id(), sku.available() > 0)));
			}
			pickers.add(new Picker(product.specs().get(s).name(), options));
		}
		return pickers;
	}

	@GetMapping("/suppliers/{id}")
	String supplier(@PathVariable long id, @RequestParam(required = false) Integer page, Model model) {
		SupplierView supplier = accounts.supplier(id)
			.filter(SupplierView::verified)
			.orElseThrow(() -> DomainException.notFound("supplier"));
		model.addAttribute("supplier", supplier);
		model.addAttribute("products", catalog.supplierListings(id, PageRequest.of(page, 20, 20)));
		return "catalog/supplier";
	}

	/** One spec's values, each leading to a SKU. */
	record Picker(String name, List<Option> options) {
	}

	record Option(String value, long skuId, boolean selected, boolean inStock) {
	}
}
