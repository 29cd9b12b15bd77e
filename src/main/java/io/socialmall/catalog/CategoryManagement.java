package io.socialmall.catalog;

/**
 * Operators shape the category tree. Every method takes the operator's id and refuses anyone else.
 * Changing a category re-announces its products ({@link ProductChanged}), so search sees new names and places.
 */
public interface CategoryManagement {

	Category create(long operatorId, CategoryDraft draft);

	/**
	 * Renames or moves a category.
	 * @throws io.socialmall.core.DomainException {@code invalid-input} on {@code parentId} when the new parent is
	 *         the category itself or one of its descendants
	 */
	Category update(long operatorId, long categoryId, CategoryDraft draft);

	/**
	 * Removes an empty category.
	 * @throws io.socialmall.core.DomainException {@code category-not-empty} (409) while it has subcategories or
	 *         products
	 */
	void delete(long operatorId, long categoryId);
}
