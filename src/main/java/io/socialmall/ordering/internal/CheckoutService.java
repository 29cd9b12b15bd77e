package io.socialmall.ordering.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.socialmall.cart.CartLine;
import io.socialmall.cart.Carts;
import io.socialmall.catalog.Catalog;
import io.socialmall.catalog.SkuSnapshot;
import io.socialmall.core.DomainException;
import io.socialmall.core.DomainException.FieldProblem;
import io.socialmall.core.IdempotentCommands;
import io.socialmall.core.Ids;
import io.socialmall.core.Money;
import io.socialmall.identity.Accounts;
import io.socialmall.identity.SupplierView;
import io.socialmall.inventory.Inventory;
import io.socialmall.inventory.SkuQuantity;
import io.socialmall.inventory.StockLevel;
import io.socialmall.ordering.AddressView;
import io.socialmall.ordering.Addresses;
import io.socialmall.ordering.CheckoutDraft;
import io.socialmall.ordering.CheckoutPreview;
import io.socialmall.ordering.CheckoutRequest;
import io.socialmall.ordering.CheckoutView;
import io.socialmall.ordering.Checkouts;
import io.socialmall.ordering.OrderLineInfo;
import io.socialmall.ordering.OrderPlaced;
import io.socialmall.ordering.OrderStatus;
import io.socialmall.ordering.OrderSummary;
import io.socialmall.ordering.PlacedCheckout;
import io.socialmall.ordering.ShippingRule;
import io.socialmall.ordering.ShippingRules;
import io.socialmall.ordering.internal.CheckoutPricing.OrderMoney;
import io.socialmall.ordering.internal.CheckoutPricing.Priced;
import io.socialmall.ordering.internal.CheckoutPricing.PricedLine;
import io.socialmall.ordering.internal.CheckoutPricing.Split;
import io.socialmall.ordering.internal.OrderStore.NewCheckout;
import io.socialmall.ordering.internal.OrderStore.NewDiscount;
import io.socialmall.ordering.internal.OrderStore.NewLine;
import io.socialmall.ordering.internal.OrderStore.NewOrder;
import io.socialmall.payment.NewPayment;
import io.socialmall.payment.PaymentIntent;
import io.socialmall.payment.PaymentRedirect;
import io.socialmall.payment.PaymentStatus;
import io.socialmall.payment.Payments;

/**
 * Checkout: the hot path. One transaction (opened by {@link IdempotentCommands} around the idempotency
 * record) reads the cart lines, SKUs, address and shipping rules, lets the checkout participants price the
 * lines (shops, promotions; they add no statement when they change nothing), writes the checkout, its orders, lines
 * and history in batches, creates the payment intent, removes the lines from the cart and finally reserves
 * the stock, last so that the hot stock rows stay locked for as short a time as possible before the commit.
 * Any failure rolls all of it back.
 */
@Service
class CheckoutService implements Checkouts {

	static final String REFERENCE_PREFIX = "checkout:";

	private final IdempotentCommands idempotent;
	private final Carts carts;
	private final Catalog catalog;
	private final Inventory inventory;
	private final Payments payments;
	private final Addresses addresses;
	private final ShippingRules shipping;
	private final CheckoutPricing pricing;
	private final Accounts accounts;
	private final OrderStore store;
	private final OrderNumbers numbers;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final OrderingProperties properties;

	CheckoutService(IdempotentCommands idempotent, Carts carts, Catalog catalog, Inventory inventory, Payments payments,
			Addresses addresses, ShippingRules shipping, CheckoutPricing pricing, Accounts accounts, OrderStore store,
			OrderNumbers numbers, ApplicationEventPublisher events, Clock clock, OrderingProperties properties) {
		this.idempotent = idempotent;
		this.carts = carts;
		this.catalog = catalog;
		this.inventory = inventory;
		this.payments = payments;
		this.addresses = addresses;
		this.shipping = shipping;
		this.pricing = pricing;
		this.accounts = accounts;
		this.store = store;
		this.numbers = numbers;
		this.events = events;
		this.clock = clock;
		this.properties = properties;
	}

	@Override
	@Transactional(readOnly = true)
	public CheckoutPreview preview(long buyerId, List<Long> skuIds, List<Long> couponIds) {
		List<CartLine> cartLines = carts.checkoutLines(buyerId, skuIds);
		Map<Long, SkuSnapshot> skus = catalog.skus(cartLines.stream().map(CartLine::skuId).distinct().toList());
		Map<Long, StockLevel> levels = inventory.levels(skus.keySet());
		List<CartLine> kept = new ArrayList<>();
		List<CheckoutDraft.Item> items = new ArrayList<>();
		for (CartLine line : cartLines) {
			SkuSnapshot sku = skus.get(line.skuId());
			if (sku != null) {
				kept.add(line);
				items.add(new CheckoutDraft.Item(sku, line.quantity(), line.source()));
			}
		}
		CheckoutDraft draft = CheckoutDraft.of(buyerId, clock.instant(), couponIds == null ? List.of() : couponIds, true, items);
		Priced priced = pricing.price(draft);
		Map<Long, List<PricedLine>> bySupplier = priced.bySupplier();
		Map<Long, ShippingRule> rules = shipping.rules(bySupplier.keySet());
		List<CheckoutPreview.Group> groups = new ArrayList<>();
		long goods = 0;
		long fees = 0;
		for (var entry : bySupplier.entrySet()) {
			ShippingRule rule = rules.get(entry.getKey());
			OrderMoney money = CheckoutPricing.money(entry.getValue(), rule, properties.platformFeeBps());
			List<CheckoutPreview.Line> lines = new ArrayList<>();
			for (PricedLine p : entry.getValue()) {
				CheckoutDraft.Line l = p.line();
				SkuSnapshot sku = l.sku();
				StockLevel level = levels.get(sku.skuId());
				lines.add(new CheckoutPreview.Line(sku.skuId(), sku.productId(), sku.title(), sku.specText(), sku.imageUrl(),
						l.unitPrice(), kept.get(l.index()).addedPrice(), l.quantity(), Money.cny(p.amount()),
						sku.returnableWithoutReason(), sku.purchasable(), level == null ? 0 : level.available(), l.listPrice(),
						Money.cny(p.discount()), l.source(), l.priceSource()));
			}
			String name = accounts.supplier(entry.getKey()).map(SupplierView::businessName).orElse("");
			groups.add(new CheckoutPreview.Group(entry.getKey(), name, lines, Money.cny(money.goods()),
					Money.cny(money.shipping()), Money.cny(money.total()), rule, Money.cny(money.discount())));
			goods += money.goods();
			fees += money.shipping();
		}
		List<CheckoutPreview.AppliedDiscount> discounts = priced.splits().stream()
			.map(split -> new CheckoutPreview.AppliedDiscount(split.discount().ref(), split.discount().label(),
					split.discount().amount()))
			.toList();
		return new CheckoutPreview(groups, Money.cny(goods), Money.cny(fees), Money.cny(goods + fees),
				Money.cny(priced.discount()), discounts);
	}

	@Override
	public IdempotentCommands.Outcome<CheckoutView> checkout(long buyerId, String idempotencyKey, CheckoutRequest request) {
		return idempotent.run("checkout", buyerId, idempotencyKey, request, CheckoutView.class, () -> place(buyerId, request));
	}

	private CheckoutView place(long buyerId, CheckoutRequest request) {
		AddressView address = addresses.get(buyerId, request.addressId());
		boolean buyNow = !request.items().isEmpty();
		List<CartLine> cartLines = buyNow ? buyNowLines(request) : carts.checkoutLines(buyerId, request.skuIds());
		if (cartLines.isEmpty()) {
			throw DomainException.invalid("skuIds", "nothing selected to check out");
		}
		Map<Long, SkuSnapshot> skus = catalog.skus(cartLines.stream().map(CartLine::skuId).distinct().toList());
		Set<Long> confirmed = new HashSet<>(request.confirmNonReturnable());
		List<FieldProblem> unconfirmed = new ArrayList<>();
		List<CheckoutDraft.Item> items = new ArrayList<>(cartLines.size());
		for (CartLine line : cartLines) {
			SkuSnapshot sku = skus.get(line.skuId());
			if (sku == null) {
				throw DomainException.invalid(buyNow ? "items" : "skuIds", "no such SKU " + line.skuId());
			}
			if (!sku.purchasable()) {
				throw new DomainException(HttpStatus.CONFLICT, "not-purchasable", "SKU " + line.skuId() + " is not on sale",
						List.of(new FieldProblem(buyNow ? "items" : "skuIds", "SKU " + line.skuId() + " is not on sale")));
			}
			if (!sku.returnableWithoutReason() && !confirmed.contains(sku.skuId())) {
				unconfirmed.add(new FieldProblem("confirmNonReturnable",
						"confirm that SKU " + sku.skuId() + " cannot be returned without reason"));
			}
			items.add(new CheckoutDraft.Item(sku, line.quantity(), line.source()));
		}
		if (!unconfirmed.isEmpty()) {
			throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "confirmation-required",
					"some items cannot be returned without reason; confirm them to check out", unconfirmed.stream().distinct().toList());
		}
		Instant now = clock.instant();
		CheckoutDraft draft = CheckoutDraft.of(buyerId, now, request.couponIds(), false, items);
		Priced priced = pricing.price(draft);
		Map<Long, List<PricedLine>> bySupplier = priced.bySupplier();
		Map<Long, ShippingRule> rules = shipping.rules(bySupplier.keySet());
		long checkoutId = Ids.next();
		List<NewOrder> orders = new ArrayList<>(bySupplier.size());
		List<PlacedCheckout.Line> placedLines = new ArrayList<>(items.size());
		long grandTotal = 0;
		for (var entry : bySupplier.entrySet()) {
			long orderId = Ids.next();
			String orderNo = numbers.number(orderId, now);
			OrderMoney money = CheckoutPricing.money(entry.getValue(), rules.get(entry.getKey()), properties.platformFeeBps());
			List<NewLine> lines = new ArrayList<>();
			for (PricedLine p : entry.getValue()) {
				CheckoutDraft.Line l = p.line();
				SkuSnapshot sku = l.sku();
				long lineId = Ids.next();
				lines.add(new NewLine(lineId, lines.size(), sku.skuId(), sku.productId(), sku.title(), sku.specText(),
						sku.imageUrl(), l.unitPrice().amount(), l.quantity(), p.amount(), sku.returnableWithoutReason(),
						!sku.returnableWithoutReason(), l.source(), l.listPrice().amount(), p.discount(), p.platformDiscount(),
						l.supplierUnitPrice().amount(), l.resellerId(), p.margin(), l.commissionBps(), l.priceSource()));
				placedLines.add(new PlacedCheckout.Line(l.index(), orderId, orderNo, lineId));
			}
			List<NewDiscount> discounts = new ArrayList<>();
			for (Split split : priced.splits()) {
				long part = split.on(entry.getValue());
				if (part > 0) {
					var d = split.discount();
					discounts.add(new NewDiscount(d.ref(), d.label(), d.funder().name(), d.supplierId(), part));
				}
			}
			orders.add(new NewOrder(orderId, orderNo, entry.getKey(), money.goods(), money.shipping(), money.total(),
					properties.platformFeeBps(), money.platformFee(), money.supplierAmount(), money.discount(),
					money.platformDiscount(), money.supplierDiscount(), money.margin(), summary(lines), lines, discounts));
			grandTotal = Math.addExact(grandTotal, money.total());
		}
		if (request.expectedTotal() != null && request.expectedTotal() != grandTotal) {
			throw new DomainException(HttpStatus.CONFLICT, "price-changed",
					"the total is now " + Money.cny(grandTotal).toDecimalString() + ", not what you were shown; review and try again",
					List.of(new FieldProblem("expectedTotal", "the total is now " + grandTotal)));
		}
		Instant payBy = now.plus(properties.paymentTimeout());
		PaymentIntent intent = payments.create(new NewPayment(REFERENCE_PREFIX + checkoutId, buyerId, Money.cny(grandTotal),
				description(orders)));
		store.insert(new NewCheckout(checkoutId, buyerId, intent.id(), grandTotal, Money.CNY, address.recipient(),
				address.phone(), address.oneLine(), now, payBy, orders));
		if (!buyNow) {
			carts.removeCheckedOutLines(buyerId, cartLines);
		}
		pricing.placed(draft, new PlacedCheckout(checkoutId, intent.id(), placedLines));
		Map<Long, Integer> units = new TreeMap<>();
		cartLines.forEach(l -> units.merge(l.skuId(), l.quantity(), Integer::sum));
		inventory.reserve(units.entrySet().stream().map(e -> new SkuQuantity(e.getKey(), e.getValue())).toList());
		List<OrderSummary> summaries = new ArrayList<>();
		for (NewOrder order : orders) {
			List<OrderLineInfo> infos = order.lines().stream()
				.map(l -> new OrderLineInfo(l.id(), l.productId(), l.skuId(), l.quantity(), Money.cny(l.unitPrice()),
						Money.cny(l.amount()), Money.cny(l.listPrice()), Money.cny(l.discount()), Money.cny(l.supplierUnitPrice()),
						l.resellerId(), Money.cny(l.resellerMargin()), Money.cny(l.platformDiscount()), l.commissionBps(),
						l.priceSource(), l.source()))
				.toList();
			events.publishEvent(new OrderPlaced(order.id(), order.orderNo(), checkoutId, buyerId, order.supplierId(),
					Money.cny(order.total()), infos, now));
			summaries.add(new OrderSummary(order.id(), order.orderNo(), checkoutId, buyerId, order.supplierId(),
					OrderStatus.CREATED, Money.cny(order.total()), order.lines().stream().mapToInt(NewLine::quantity).sum(),
					order.summary(), now, payBy));
		}
		return new CheckoutView(checkoutId, buyerId, intent.id(), Money.cny(grandTotal), now, payBy, intent.status(), summaries);
	}

	private static List<CartLine> buyNowLines(CheckoutRequest request) {
		if (!request.skuIds().isEmpty()) {
			throw DomainException.invalid("items", "send skuIds (cart lines) or items (buy now), not both");
		}
		Set<String> seen = new HashSet<>();
		List<CartLine> lines = new ArrayList<>();
		for (int i = 0; i < request.items().size(); i++) {
			CheckoutRequest.Item item = request.items().get(i);
			String source;
			try {
				source = CartLine.normaliseSource(item.source());
			}
			catch (DomainException e) {
				throw DomainException.invalid("items[" + i + "].source", "at most 60 letters, digits and : _ . -");
			}
			if (!seen.add(item.skuId() + "|" + source)) {
				throw DomainException.invalid("items[" + i + "].skuId", "each SKU (and source) once");
			}
			lines.add(new CartLine(item.skuId(), item.quantity(), null, source));
		}
		return lines;
	}

	@Override
	@Transactional(readOnly = true)
	public CheckoutView get(long buyerId, long checkoutId) {
		var checkout = store.checkout(checkoutId)
			.filter(c -> c.buyerId() == buyerId)
			.orElseThrow(() -> DomainException.notFound("checkout"));
		List<OrderSummary> orders = store.byCheckout(checkoutId).stream().map(OrderRow::summaryView).toList();
		Instant payBy = checkout.createdAt().plus(properties.paymentTimeout());
		for (OrderSummary order : orders) {
			if (order.status() == OrderStatus.CREATED && order.dueAt() != null) {
				payBy = order.dueAt();
			}
		}
		PaymentStatus paymentStatus = payments.find(checkout.paymentIntentId()).map(PaymentIntent::status).orElse(null);
		return new CheckoutView(checkout.id(), buyerId, checkout.paymentIntentId(), Money.of(checkout.total(), checkout.currency()),
				checkout.createdAt(), payBy, paymentStatus, orders);
	}

	/** Not transactional: the payment module may talk to its provider, which must never happen inside ours. */
	@Override
	public PaymentRedirect startPayment(long buyerId, long checkoutId, String provider) {
		CheckoutView checkout = get(buyerId, checkoutId);
		if (!checkout.awaitingPayment()) {
			throw DomainException.conflict("nothing-to-pay", "no order of this checkout is waiting for payment");
		}
		// the provider sends the buyer back to the pay step, which shows the orders' state once its callback landed
		return payments.start(checkout.paymentIntentId(), buyerId, provider == null ? properties.paymentProvider() : provider,
				"/checkout/" + checkoutId + "/pay");
	}

	/** What the buyer sees at the payment provider: the order numbers, or how many orders when they are many. */
	private static String description(List<NewOrder> orders) {
		String numbers = "SocialMall " + String.join(", ", orders.stream().map(NewOrder::orderNo).toList());
		return numbers.length() <= 200 ? numbers
				: "SocialMall " + orders.get(0).orderNo() + " +" + (orders.size() - 1) + " orders";
	}

	/** The order's title in lists: its first line, and how many more. */
	private static String summary(List<NewLine> lines) {
		String first = lines.get(0).title();
		String text = lines.size() == 1 ? first : first + " +" + (lines.size() - 1);
		return text.length() <= 120 ? text : text.substring(0, 119) + "…";
	}

}
