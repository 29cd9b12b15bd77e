-- Checkout pricing (docs/social-commerce.md, "Checkout pricing extension point"): what the checkout
-- participants decided is frozen on each line and order, so later price or rate changes never rewrite it.

-- Lines: where the buyer picked the SKU, the catalog price, the line's share of discounts (and the part of
-- it the platform pays), what the supplier is owed per unit, the reseller and their margin, the commission
-- rate, why the unit price is what it is, and how much margin and subsidy refunds gave back.
ALTER TABLE order_lines ADD COLUMN source VARCHAR(60);
ALTER TABLE order_lines ADD COLUMN list_price BIGINT NOT NULL DEFAULT 0;
ALTER TABLE order_lines ADD COLUMN discount BIGINT NOT NULL DEFAULT 0;
ALTER TABLE order_lines ADD COLUMN platform_discount BIGINT NOT NULL DEFAULT 0;
ALTER TABLE order_lines ADD COLUMN supplier_unit_price BIGINT NOT NULL DEFAULT 0;
ALTER TABLE order_lines ADD COLUMN reseller_id BIGINT;
ALTER TABLE order_lines ADD COLUMN reseller_margin BIGINT NOT NULL DEFAULT 0;
ALTER TABLE order_lines ADD COLUMN commission_bps INT NOT NULL DEFAULT 0;
ALTER TABLE order_lines ADD COLUMN price_source VARCHAR(20) NOT NULL DEFAULT 'catalog';
ALTER TABLE order_lines ADD COLUMN refunded_margin BIGINT NOT NULL DEFAULT 0;
ALTER TABLE order_lines ADD COLUMN refunded_subsidy BIGINT NOT NULL DEFAULT 0;
UPDATE order_lines SET list_price = unit_price, supplier_unit_price = unit_price;
ALTER TABLE order_lines ADD CONSTRAINT order_lines_paid
    CHECK (discount >= 0 AND platform_discount >= 0 AND platform_discount <= discount
           AND amount = unit_price * quantity - discount AND amount >= 0);
ALTER TABLE order_lines ADD CONSTRAINT order_lines_margin
    CHECK (supplier_unit_price > 0 AND supplier_unit_price <= unit_price
           AND reseller_margin = (unit_price - supplier_unit_price) * quantity
           AND (reseller_margin = 0 OR reseller_id IS NOT NULL));
ALTER TABLE order_lines ADD CONSTRAINT order_lines_refunded_split
    CHECK (refunded_margin >= 0 AND refunded_margin <= reseller_margin
           AND refunded_subsidy >= 0 AND refunded_subsidy <= platform_discount);
CREATE INDEX order_lines_reseller ON order_lines (reseller_id);

-- Orders: discounts by funder, the resellers' margin, and what refunds gave back of margin and subsidy.
-- goods_amount is what the buyer pays for the goods after discounts, so total = goods_amount + shipping_fee
-- still holds; the money split below replaces supplier_amount = total - platform_fee (dropped in V6_2).
ALTER TABLE orders ADD COLUMN discount_amount BIGINT NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN platform_discount BIGINT NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN supplier_discount BIGINT NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN reseller_margin BIGINT NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN refunded_margin BIGINT NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN refunded_subsidy BIGINT NOT NULL DEFAULT 0;
ALTER TABLE orders ADD CONSTRAINT orders_discounts
    CHECK (platform_discount >= 0 AND supplier_discount >= 0
           AND discount_amount = platform_discount + supplier_discount AND reseller_margin >= 0);
ALTER TABLE orders ADD CONSTRAINT orders_money_split
    CHECK (supplier_amount = total - platform_fee - reseller_margin + platform_discount);
ALTER TABLE orders ADD CONSTRAINT orders_refunded_split
    CHECK (refunded_margin >= 0 AND refunded_margin <= reseller_margin
           AND refunded_subsidy >= 0 AND refunded_subsidy <= platform_discount);

-- Each discount's share of an order (a platform discount over two suppliers' lines is split between their
-- orders): what promotions redeemed and what the buyer saw.
CREATE TABLE order_discounts (
    order_id    BIGINT      NOT NULL REFERENCES orders (id),
    ref         VARCHAR(60) NOT NULL,
    label       VARCHAR(60) NOT NULL,
    funder      VARCHAR(10) NOT NULL,
    supplier_id BIGINT,
    amount      BIGINT      NOT NULL CHECK (amount > 0),
    PRIMARY KEY (order_id, ref)
);
