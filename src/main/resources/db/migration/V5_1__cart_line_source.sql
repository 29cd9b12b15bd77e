-- A cart line is now (cart, SKU, source): the source says where the buyer picked the SKU (a reseller's
-- shop, a flash sale, a group; '' for the plain product page), so the same SKU from two sources is two
-- lines, each priced by its source at checkout. The primary key changes, so the table is rebuilt.
CREATE TABLE cart_lines (
    cart_id     BIGINT      NOT NULL REFERENCES carts (id),
    sku_id      BIGINT      NOT NULL,
    source      VARCHAR(60) NOT NULL DEFAULT '',
    quantity    INT         NOT NULL CHECK (quantity > 0),
    added_price BIGINT      NOT NULL,
    currency    VARCHAR(3)  NOT NULL,
    selected    BOOLEAN     NOT NULL,
    added_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (cart_id, sku_id, source)
);
INSERT INTO cart_lines (cart_id, sku_id, source, quantity, added_price, currency, selected, added_at)
SELECT cart_id, sku_id, '', quantity, added_price, currency, selected, added_at FROM cart_items;
DROP TABLE cart_items;
ALTER TABLE cart_lines RENAME TO cart_items;
