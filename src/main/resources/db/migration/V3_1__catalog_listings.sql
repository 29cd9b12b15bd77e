-- Paging through products on sale in id order (search index rebuilds, listings) and finding recent changes.
CREATE INDEX products_status_id ON products (status, id);
CREATE INDEX products_updated ON products (updated_at);
CREATE INDEX product_images_media ON product_images (media_key);
