package io.socialmall.catalog.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.socialmall.catalog.PriceChange;
import io.socialmall.catalog.ProductDetails;
import io.socialmall.catalog.ProductDraft;
import io.socialmall.catalog.ProductEdit;
import io.socialmall.catalog.ProductManagement;
import io.socialmall.catalog.ProductSummary;
import io.socialmall.catalog.SpecDraft;
import io.socialmall.core.DomainException;
import io.socialmall.core.IdempotentCommands;
import io.socialmall.core.Page;
import io.socialmall.core.PageRequest;
import io.socialmall.identity.CurrentUser;
import io.socialmall.inventory.StockLevel;

/** A supplier's own products. Another supplier's product or SKU is always 404. */
@RestController
@RequestMapping("/api/v1/supplier")
class SupplierProductsApi {

	private final ProductManagement products;
	private final IdempotentCommands idempotent;

	SupplierProductsApi(ProductManagement products, IdempotentCommands idempotent) {
		this.products = products;
		this.idempotent = idempotent;
	}

	@GetMapping("/products")
	Page<ProductSummary> list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return products.products(user.id(), PageRequest.of(page, size, 20));
	}

	/** The SKU combinations specs generate, to fill in price, stock and code for each before creating. */
	@PostMapping("/sku-combinations")
	Combinations combinations(@Valid @RequestBody SpecsRequest request) {
		var combinations = SpecDraft.combinations(request.specs());
		if (combinations.size() > 200) {
			throw DomainException.invalid("specs", "at most 200 combinations");
		}
		return new Combinations(combinations);
	}

	@PostMapping("/products")
	@ResponseStatus(HttpStatus.CREATED)
	ProductDetails create(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody ProductDraft draft) {
		return products.create(user.id(), draft);
	}

	@GetMapping("/products/{id}")
	ProductDetails product(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return products.product(user.id(), id);
	}

	@PutMapping("/products/{id}")
	ProductDetails update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @RequestBody ProductEdit edit) {
		return products.update(user.id(), id, edit);
	}

	@PostMapping("/products/{id}/publish")
	ProductDetails publish(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return products.publish(user.id(), id);
	}

	@PostMapping("/products/{id}/unpublish")
	ProductDetails unpublish(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return products.unpublish(user.id(), id);
	}

	@PutMapping("/products/{id}/skus/{skuId}/price")
	ProductDetails price(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long skuId,
			@Valid @RequestBody PriceRequest request) {
		requireSku(user, id, skuId);
		return products.changePrice(user.id(), skuId, request.price());
	}

	@PutMapping("/products/{id}/skus/{skuId}/code")
	ProductDetails code(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long skuId,
			@Valid @RequestBody CodeRequest request) {
		requireSku(user, id, skuId);
		return products.changeSkuCode(user.id(), skuId, request.code());
	}

	/** Adds or removes units; a retry with the same {@code Idempotency-Key} does not move stock twice. */
	@PostMapping("/products/{id}/skus/{skuId}/stock-adjustments")
	StockLevel adjust(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long skuId,
			@RequestHeader("Idempotency-Key") String key, @Valid @RequestBody StockRequest request,
			HttpServletResponse response) {
		requireSku(user, id, skuId);
		var outcome = idempotent.run("stock-adjustment", user.id(), key, new StockCommand(skuId, request.delta()),
				StockLevel.class, () -> products.adjustStock(user.id(), skuId, request.delta()));
		if (outcome.replayed()) {
			response.setHeader("Idempotent-Replayed", "true");
		}
		return outcome.value();
	}

	@GetMapping("/products/{id}/price-history")
	List<PriceChange> priceHistory(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return products.priceHistory(user.id(), id);
	}

	@PostMapping(path = "/products/{id}/images", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	ProductDetails upload(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(name = "file", required = false) MultipartFile file) {
		if (file == null || file.isEmpty()) {
			throw DomainException.invalid("file", "is required");
		}
		try {
			return products.addImage(user.id(), id, file.getBytes());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@PutMapping("/products/{id}/images")
	ProductDetails arrange(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @RequestBody ImageOrder order) {
		return products.arrangeImages(user.id(), id, order.imageKeys());
	}

	private void requireSku(CurrentUser user, long productId, long skuId) {
		if (products.product(user.id(), productId).sku(skuId) == null) {
			throw DomainException.notFound("SKU");
		}
	}

	record SpecsRequest(@Valid @NotNull @Size(max = 3) List<SpecDraft> specs) {
	}

	record Combinations(List<List<String>> combinations) {
	}

	record PriceRequest(@NotNull @Min(1) @Max(100_000_000) Long price) {
	}

	record CodeRequest(@Size(max = 40) String code) {
	}

	record StockRequest(@NotNull @Min(-1_000_000) @Max(1_000_000) Integer delta) {
	}

	record StockCommand(long skuId, int delta) {
	}

	record ImageOrder(@NotNull @Size(max = 20) List<@NotEmpty String> imageKeys) {
	}
}
