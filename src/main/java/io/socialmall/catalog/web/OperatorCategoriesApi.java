package io.socialmall.catalog.web;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.socialmall.catalog.Categories;
import io.socialmall.catalog.Category;
import io.socialmall.catalog.CategoryDraft;
import io.socialmall.catalog.CategoryManagement;
import io.socialmall.identity.CurrentUser;

@RestController
@RequestMapping("/api/v1/operator/categories")
class OperatorCategoriesApi {

	private final Categories categories;
	private final CategoryManagement management;

	OperatorCategoriesApi(Categories categories, CategoryManagement management) {
		this.categories = categories;
		this.management = management;
	}

	@GetMapping
	List<Category> tree() {
		return categories.tree();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Category create(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody CategoryDraft draft) {
		return management.create(user.id(), draft);
	}

	@PutMapping("/{id}")
	Category update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @RequestBody CategoryDraft draft) {
		return management.update(user.id(), id, draft);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		management.delete(user.id(), id);
	}
}
