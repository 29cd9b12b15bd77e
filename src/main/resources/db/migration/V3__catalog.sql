CREATE TABLE categories (
    id        BIGINT PRIMARY KEY,
    parent_id BIGINT REFERENCES categories (id),
    name_zh   VARCHAR(40) NOT NULL,
    name_en   VARCHAR(40) NOT NULL,
    position  INT NOT NULL DEFAULT 0
);
CREATE INDEX categories_parent ON categories (parent_id);

CREATE TABLE products (
    id                        BIGINT PRIMARY KEY,
    supplier_id               BIGINT NOT NULL,
    category_id               BIGINT REFERENCES categories (id),
    title                     VARCHAR(120) NOT NULL,
    title_en                  VARCHAR(120),
    description               VARCHAR(5000),
    status                    VARCHAR(12) NOT NULL,
    returnable_without_reason BOOLEAN NOT NULL,
    min_price                 BIGINT NOT NULL,
    max_price                 BIGINT NOT NULL,
    currency                  VARCHAR(3) NOT NULL,
    image_key                 VARCHAR(120),
    created_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at              TIMESTAMP WITH TIME ZONE
);
CREATE INDEX products_supplier ON products (supplier_id, created_at);
CREATE INDEX products_category ON products (category_id, status);

CREATE TABLE product_specs (
    product_id  BIGINT NOT NULL REFERENCES products (id),
    position    INT NOT NULL,
    name        VARCHAR(20) NOT NULL,
    spec_values VARCHAR(700) NOT NULL,
    PRIMARY KEY (product_id, position)
);

CREATE TABLE skus (
    id          BIGINT PRIMARY KEY,
    product_id  BIGINT NOT NULL REFERENCES products (id),
    code        VARCHAR(40),
    spec_values VARCHAR(200) NOT NULL,
    price       BIGINT NOT NULL CHECK (price > 0),
    position    INT NOT NULL
);
CREATE INDEX skus_product ON skus (product_id, position);

CREATE TABLE sku_price_history (
    id         BIGINT PRIMARY KEY,
    sku_id     BIGINT NOT NULL REFERENCES skus (id),
    price      BIGINT NOT NULL,
    changed_by BIGINT NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sku_price_history_sku ON sku_price_history (sku_id, changed_at);

CREATE TABLE product_images (
    product_id BIGINT NOT NULL REFERENCES products (id),
    position   INT NOT NULL,
    media_key  VARCHAR(120) NOT NULL,
    PRIMARY KEY (product_id, position)
);
