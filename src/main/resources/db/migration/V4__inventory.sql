CREATE TABLE sku_stock (
    sku_id    BIGINT PRIMARY KEY,
    available INT NOT NULL CHECK (available >= 0),
    reserved  INT NOT NULL CHECK (reserved >= 0),
    sold      INT NOT NULL CHECK (sold >= 0)
);
