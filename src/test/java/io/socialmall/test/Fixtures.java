package io.socialmall.test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.support.TransactionTemplate;

import io.socialmall.catalog.ProductDetails;
import io.socialmall.catalog.ProductDraft;
import io.socialmall.catalog.ProductManagement;
import io.socialmall.catalog.SkuDraft;
import io.socialmall.catalog.SpecDraft;
import io.socialmall.identity.Accounts;
import io.socialmall.identity.Registration;
import io.socialmall.identity.Role;
import io.socialmall.identity.SupplierApplication;

/** Makes the people and products a test needs, through the modules' public APIs. */
@TestComponent
public class Fixtures {

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private final Accounts accounts;
	private final ProductManagement products;
	private final TransactionTemplate tx;

	Fixtures(Accounts accounts, ProductManagement products, TransactionTemplate tx) {
		this.accounts = accounts;
		this.products = products;
		this.tx = tx;
	}

	/** A person with an account and an API token. */
	public record Person(long id, String email, String password, String token) {
	}

	public Person buyer() {
		return person("buyer");
	}

	public Person person(String kind) {
		String email = kind + "-" + COUNTER.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8)
				+ "@example.com";
		String password = "secret-password";
		var account = accounts.register(new Registration(email, password, kind + " " + COUNTER.get()));
		String token = accounts.createToken(account.id(), "test").token();
		return new Person(account.id(), email, password, token);
	}

	public Person operator() {
		var person = person("operator");
		accounts.grant(person.id(), Role.OPERATOR);
		return person;
	}

	/** A supplier an operator has verified, so its products can go on sale. */
	public Person verifiedSupplier() {
		var supplier = person("supplier");
		accounts.applyAsSupplier(supplier.id(), new SupplierApplication("Supplier " + supplier.id(),
				"LIC" + Math.abs(supplier.id() % 100000000L) + "X", "13800000000", "Hangzhou"));
		accounts.verifySupplier(operator().id(), supplier.id());
		return supplier;
	}

	/** A published product with one SKU at {@code price} fen and {@code stock} units. */
	public ProductDetails productOnSale(Person supplier, long price, int stock) {
		return productOnSale(supplier, "補水保濕面膜 " + COUNTER.incrementAndGet(), price, stock, true);
	}

	public ProductDetails productOnSale(Person supplier, String title, long price, int stock, boolean returnable) {
		return tx.execute(status -> {
			var product = products.create(supplier.id(), new ProductDraft(title, "Hydrating mask", "A test product", null,
					returnable, List.of(), List.of(new SkuDraft(List.of(), price, stock, null))));
			return products.publish(supplier.id(), product.id());
		});
	}

	/** A published product with colour and size specs: four SKUs. */
	public ProductDetails productWithSpecs(Person supplier, long price, int stockEach) {
		return tx.execute(status -> {
			var specs = List.of(new SpecDraft("Colour", List.of("Red", "Blue")), new SpecDraft("Size", List.of("S", "M")));
			var skus = List.of(new SkuDraft(List.of("Red", "S"), price, stockEach, "R-S"),
					new SkuDraft(List.of("Red", "M"), price, stockEach, "R-M"),
					new SkuDraft(List.of("Blue", "S"), price + 100, stockEach, "B-S"),
					new SkuDraft(List.of("Blue", "M"), price + 100, stockEach, "B-M"));
			var product = products.create(supplier.id(),
					new ProductDraft("T-shirt " + COUNTER.incrementAndGet(), "T-shirt", null, null, true, specs, skus));
			return products.publish(supplier.id(), product.id());
		});
	}
}
