package io.socialmall.catalog.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.socialmall.catalog.Categories;
import io.socialmall.catalog.Category;
import io.socialmall.catalog.ProductDetails;
import io.socialmall.catalog.ProductDraft;
import io.socialmall.catalog.ProductEdit;
import io.socialmall.catalog.ProductManagement;
import io.socialmall.catalog.SkuDraft;
import io.socialmall.catalog.SpecDraft;
import io.socialmall.core.DomainException;
import io.socialmall.core.IdempotentCommands;
import io.socialmall.core.MoneyParsing;
import io.socialmall.core.PageRequest;
import io.socialmall.identity.CurrentUser;
import io.socialmall.inventory.StockLevel;

/**
 * The supplier console: product list with stock, the product editor with its spec/SKU generator, stock,
 * prices, pictures and the price history. Forms post and redirect; errors come back as a flash message.
 */
@Controller
class SupplierConsolePages {

	private final ProductManagement products;
	private final Categories categories;
	private final IdempotentCommands idempotent;
	private final Validator validator;

	SupplierConsolePages(ProductManagement products, Categories categories, IdempotentCommands idempotent,
			Validator validator) {
		this.products = products;
		this.categories = categories;
		this.idempotent = idempotent;
		this.validator = validator;
	}

	@InitBinder({ "form", "edit" })
	void binder(WebDataBinder binder) {
		binder.initDirectFieldAccess();
	}

	@GetMapping("/supplier")
	String console() {
		return "redirect:/supplier/products";
	}

	@GetMapping("/supplier/products")
	String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("products", products.products(user.id(), PageRequest.of(page, 20, 20)));
		return "catalog/supplier-products";
	}

	@GetMapping("/supplier/products/new")
	String newProduct(Model model, Locale locale) {
		ProductForm form = new ProductForm();
		form.specs.add(new SpecRow("颜色", "红色, 蓝色"));
		form.specs.add(new SpecRow("尺码", "S, M, L"));
		form.specs.add(new SpecRow());
		form.generate();
		return editor(form, List.of(), model, locale);
	}

	@PostMapping("/supplier/products/new")
	String create(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("form") ProductForm form,
			@RequestParam(defaultValue = "create") String action, Model model, Locale locale, RedirectAttributes flash) {
		while (form.specs.size() < 3) {
			form.specs.add(new SpecRow());
		}
		if (action.equals("generate") || !form.matchesSpecs()) {
			form.generate();
			return editor(form, action.equals("generate") ? List.of() : List.of("skus: the specs changed, check the SKUs again"), model, locale);
		}
		List<String> errors = new ArrayList<>();
		ProductDraft draft = form.toDraft(errors);
		if (draft != null) {
			for (ConstraintViolation<ProductDraft> violation : validator.validate(draft)) {
				errors.add(violation.getPropertyPath() + ": " + violation.getMessage());
			}
		}
		if (errors.isEmpty()) {
			try {
				ProductDetails created = products.create(user.id(), draft);
				flash.addFlashAttribute("message", "console.created");
				return "redirect:/supplier/products/" + created.id();
			}
			catch (DomainException e) {
				errors.add(e.getMessage());
			}
		}
		return editor(form, errors, model, locale);
	}

	private String editor(ProductForm form, List<String> errors, Model model, Locale locale) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("categoryOptions", categoryOptions(locale));
		return "catalog/supplier-product-new";
	}

	@GetMapping("/supplier/products/{id}")
	String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model, Locale locale) {
		ProductDetails product = products.product(user.id(), id);
		model.addAttribute("product", product);
		model.addAttribute("edit", EditForm.of(product));
		model.addAttribute("categoryOptions", categoryOptions(locale));
		model.addAttribute("stockKey", UUID.randomUUID().toString());
		return "catalog/supplier-product-edit";
	}

	@PostMapping("/supplier/products/{id}")
	String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @ModelAttribute("edit") EditForm edit,
			RedirectAttributes flash) {
		return act(id, flash, "console.saved", () -> {
			ProductEdit value = new ProductEdit(edit.title, edit.titleEn, edit.description, edit.categoryId, !edit.notReturnable);
			for (var violation : validator.validate(value)) {
				throw DomainException.invalid(violation.getPropertyPath().toString(), violation.getMessage());
			}
			products.update(user.id(), id, value);
		});
	}

	@PostMapping("/supplier/products/{id}/publish")
	String publish(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes flash) {
		return act(id, flash, "console.published", () -> products.publish(user.id(), id));
	}

	@PostMapping("/supplier/products/{id}/unpublish")
	String unpublish(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes flash) {
		return act(id, flash, "console.unpublished", () -> products.unpublish(user.id(), id));
	}

	@PostMapping("/supplier/products/{id}/skus/{skuId}/price")
	String price(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long skuId,
			@RequestParam String price, RedirectAttributes flash) {
		return act(id, flash, "console.saved", () -> {
			requireSku(user, id, skuId);
			products.changePrice(user.id(), skuId, MoneyParsing.toFen(price, "price"));
		});
	}

	@PostMapping("/supplier/products/{id}/skus/{skuId}/code")
	String code(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long skuId,
			@RequestParam(required = false) String code, RedirectAttributes flash) {
		return act(id, flash, "console.saved", () -> {
			requireSku(user, id, skuId);
			products.changeSkuCode(user.id(), skuId, code);
		});
	}

	/** The form carries a key made when the page was drawn, so submitting it twice moves stock once. */
	@PostMapping("/supplier/products/{id}/skus/{skuId}/stock")
	String stock(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long skuId,
			@RequestParam String delta, @RequestParam String key, RedirectAttributes flash) {
		return act(id, flash, "console.stockAdjusted", () -> {
			requireSku(user, id, skuId);
			int units;
			try {
				units = Integer.parseInt(delta.strip().replace("+", ""));
			}
			catch (NumberFormatException e) {
				throw DomainException.invalid("delta", "a whole number such as 10 or -3");
			}
			if (Math.abs(units) > 1_000_000) {
				throw DomainException.invalid("delta", "at most 1,000,000 units at a time");
			}
			idempotent.run("stock-adjustment", user.id(), key, new SupplierProductsApi.StockCommand(skuId, units),
					StockLevel.class, () -> products.adjustStock(user.id(), skuId, units));
		});
	}

	@PostMapping("/supplier/products/{id}/images")
	String upload(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes flash) {
		return act(id, flash, "console.imageAdded", () -> {
			if (file == null || file.isEmpty()) {
				throw DomainException.invalid("file", "choose a picture");
			}
			try {
				products.addImage(user.id(), id, file.getBytes());
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
	}

	@PostMapping("/supplier/products/{id}/images/arrange")
	String arrange(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(name = "imageKeys", required = false) List<String> imageKeys, RedirectAttributes flash) {
		return act(id, flash, "console.saved",
				() -> products.arrangeImages(user.id(), id, imageKeys == null ? List.of() : imageKeys));
	}

	@GetMapping("/supplier/products/{id}/prices")
	String prices(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("product", products.product(user.id(), id));
		model.addAttribute("history", products.priceHistory(user.id(), id));
		return "catalog/supplier-price-history";
	}

	private void requireSku(CurrentUser user, long productId, long skuId) {
		if (products.product(user.id(), productId).sku(skuId) == null) {
			throw DomainException.notFound("SKU");
		}
	}

	/** Runs a change; a refused change comes back to the product page as an error, not an error page. */
	private String act(long productId, RedirectAttributes flash, String message, Runnable change) {
		try {
			change.run();
			flash.addFlashAttribute("message", message);
		}
		catch (DomainException e) {
			if (e.status().value() == 404) {
				throw e;
			}
			flash.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/supplier/products/" + productId;
	}

	List<CategoryOption> categoryOptions(Locale locale) {
		List<CategoryOption> options = new ArrayList<>();
		categories.tree().forEach(c -> addOptions(c, 0, locale, options));
		return options;
	}

	private static void addOptions(Category category, int depth, Locale locale, List<CategoryOption> options) {
		options.add(new CategoryOption(category.id(), "— ".repeat(depth) + category.name(locale)));
		category.children().forEach(child -> addOptions(child, depth + 1, locale, options));
	}

	record CategoryOption(long id, String label) {
	}

	/** The new-product form as the browser sends it: specs as comma-separated values, prices in yuan. */
	public static class ProductForm {

		public String title = "";
		public String titleEn = "";
		public String description = "";
		public Long categoryId;
		public boolean notReturnable;
		public List<SpecRow> specs = new ArrayList<>();
		public List<SkuRow> skus = new ArrayList<>();

		List<SpecDraft> specDrafts() {
			List<SpecDraft> drafts = new ArrayList<>();
			for (SpecRow row : specs) {
				List<String> values = row.valueList();
				if (row.name != null && !row.name.isBlank() && !values.isEmpty()) {
					drafts.add(new SpecDraft(row.name.strip(), values));
				}
			}
			return drafts;
		}

		boolean matchesSpecs() {
			List<List<String>> combinations = SpecDraft.combinations(specDrafts());
			if (combinations.size() != skus.size()) {
				return false;
			}
			for (int i = 0; i < skus.size(); i++) {
				if (!String.join(" / ", combinations.get(i)).equals(skus.get(i).key)) {
					return false;
				}
			}
			return true;
		}

		/** One SKU row per combination; rows already filled in for a combination keep their values. */
		void generate() {
			List<List<String>> combinations = SpecDraft.combinations(specDrafts());
			if (combinations.size() > 200) {
				combinations = combinations.subList(0, 200);
			}
			List<SkuRow> rows = new ArrayList<>();
			for (List<String> combination : combinations) {
				String key = String.join(" / ", combination);
				SkuRow row = skus.stream().filter(s -> key.equals(s.key)).findFirst().orElseGet(SkuRow::new);
				row.key = key;
				rows.add(row);
			}
			skus = rows;
		}

		ProductDraft toDraft(List<String> errors) {
			List<SpecDraft> specDrafts = specDrafts();
			List<List<String>> combinations = SpecDraft.combinations(specDrafts);
			List<SkuDraft> skuDrafts = new ArrayList<>();
			for (int i = 0; i < skus.size(); i++) {
				SkuRow row = skus.get(i);
				try {
					skuDrafts.add(new SkuDraft(combinations.get(i), MoneyParsing.toFen(row.price, "skus[" + i + "].price"),
							row.stock == null ? 0 : row.stock, row.code));
				}
				catch (DomainException e) {
					errors.add(e.getMessage());
				}
			}
			if (!errors.isEmpty()) {
				return null;
			}
			return new ProductDraft(title, titleEn, description, categoryId, !notReturnable, specDrafts, skuDrafts);
		}
	}

	public static class SpecRow {

		public String name = "";
		public String values = "";

		public SpecRow() {
		}

		SpecRow(String name, String values) {
			this.name = name;
			this.values = values;
		}

		/** Values separated by commas, Chinese commas or semicolons. */
		List<String> valueList() {
			List<String> list = new ArrayList<>();
			if (values != null) {
				for (String value : values.split("[,，;；、]")) {
					if (!value.isBlank() && !list.contains(value.strip())) {
						list.add(value.strip());
					}
				}
			}
			return list;
		}
	}

	public static class SkuRow {

		public String key = "";
		public String price = "";
		public Integer stock = 0;
		public String code = "";
	}

	/** The descriptive fields of an existing product. */
	public static class EditForm {

		public String title;
		public String titleEn;
		public String description;
		public Long categoryId;
		public boolean notReturnable;

		static EditForm of(ProductDetails product) {
			EditForm form = new EditForm();
			form.title = product.title();
			form.titleEn = product.titleEn();
			form.description = product.description();
			form.categoryId = product.categoryId();
			form.notReturnable = !product.returnableWithoutReason();
			return form;
		}
	}
}
