package io.socialmall.catalog.web;

import java.util.Locale;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.socialmall.catalog.Categories;
import io.socialmall.catalog.CategoryDraft;
import io.socialmall.catalog.CategoryManagement;
import io.socialmall.core.DomainException;
import io.socialmall.identity.CurrentUser;

/** Operators add, rename, move and remove categories. */
@Controller
class OperatorCategoryPages {

	private final Categories categories;
	private final CategoryManagement management;
	private final SupplierConsolePages console;

	OperatorCategoryPages(Categories categories, CategoryManagement management, SupplierConsolePages console) {
		this.categories = categories;
		this.management = management;
		this.console = console;
	}

	@GetMapping("/operator/categories")
	String list(Model model, Locale locale) {
		model.addAttribute("tree", categories.tree());
		model.addAttribute("categoryOptions", console.categoryOptions(locale));
		return "catalog/operator-categories";
	}

	@PostMapping("/operator/categories")
	String create(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long parentId,
			@RequestParam String nameZh, @RequestParam String nameEn,
			@RequestParam(required = false, defaultValue = "0") Integer position, RedirectAttributes flash) {
		return act(flash, "category.created", () -> management.create(user.id(), new CategoryDraft(parentId, nameZh, nameEn, position)));
	}

	@PostMapping("/operator/categories/{id}")
	String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) Long parentId, @RequestParam String nameZh, @RequestParam String nameEn,
			@RequestParam(required = false, defaultValue = "0") Integer position, RedirectAttributes flash) {
		return act(flash, "category.saved", () -> management.update(user.id(), id, new CategoryDraft(parentId, nameZh, nameEn, position)));
	}

	@PostMapping("/operator/categories/{id}/delete")
	String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes flash) {
		return act(flash, "category.deleted", () -> management.delete(user.id(), id));
	}

	private static String act(RedirectAttributes flash, String message, Runnable change) {
		try {
			change.run();
			flash.addFlashAttribute("message", message);
		}
		catch (DomainException e) {
			flash.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/operator/categories";
	}
}
