package io.socialmall.inventory;

import org.springframework.http.HttpStatus;

import io.socialmall.core.DomainException;

/** Not enough units of a SKU are available; nothing was reserved. */
public class SoldOut extends DomainException {

	private final long skuId;

	public SoldOut(long skuId) {
		super(HttpStatus.CONFLICT, "sold-out", "sold out: not enough units of SKU " + skuId + " are available");
		this.skuId = skuId;
	}

	public long skuId() {
		return skuId;
	}
}
